using System.Collections.Concurrent;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Triage;

/// <summary>
/// Ticket field definitions per tenant and field, read through the tenant's connector
/// (<see cref="IHelpdeskClient.GetTicketFieldAsync"/>) and kept <see cref="Fresh"/>: admins seldom change a field, and
/// every proposal for every ticket would otherwise read it again. A field the helpdesk does not have is remembered as
/// such for as long. A read that fails (the helpdesk down, the key not allowed to read fields) gives no definition —
/// the proposal then changes no field — and is tried again after <see cref="AfterFailure"/>. In memory, per instance.
/// </summary>
public sealed partial class TicketFieldCache(IHelpdeskClientFactory helpdesks, TimeProvider time, ILogger<TicketFieldCache> logger)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(10), AfterFailure = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Tenant, string Key), Entry> _entries = new();

    /// <returns>The field, or null when the helpdesk has no such field or could not say.</returns>
    public async Task<HelpdeskField?> GetAsync(Tenant tenant, string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue((tenant.Id, key), out var entry) && now < entry.Until)
        {
            return entry.Field;
        }
        try
        {
            var field = await helpdesks.Create(tenant.Connection).GetTicketFieldAsync(key, cancellationToken);
            if (field is null)
            {
                Missing(logger, tenant.Id, key);
            }
            _entries[(tenant.Id, key)] = new Entry(field, time.GetUtcNow() + Fresh);
            return field;
        }
        catch (HelpdeskException e)
        {
            Unreadable(logger, tenant.Id, key, e.Helpdesk, e.StatusCode);
            _entries[(tenant.Id, key)] = new Entry(null, time.GetUtcNow() + AfterFailure);
            return null;
        }
    }

    private sealed record Entry(HelpdeskField? Field, DateTimeOffset Until);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "Tenant {Tenant}: the helpdesk has no ticket field {Field}; its intent field is not set by triage")]
    private static partial void Missing(ILogger logger, string tenant, string field);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Tenant {Tenant}: ticket field {Field} could not be read from {Helpdesk} (status {Status}); no field change is proposed")]
    private static partial void Unreadable(ILogger logger, string tenant, string field, string helpdesk, int? status);
}
