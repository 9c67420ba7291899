using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Demo;

/// <summary>A demo ticket as the replayed history needs it, whichever helpdesk holds it.</summary>
internal sealed record DemoTicket(long Id, bool Solved, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long? AssigneeId);

/// <summary>
/// One sample helpdesk account that demo mode runs in this process: a fake helpdesk with a sample company's data, and
/// the tenant registered for it. Only what differs between the fakes is in a subclass, one per fake — how it starts,
/// its credentials, whether its helpdesk signs the app's page loads, how its tickets read for the replayed history.
/// The preview, the dashboard and the seeding read the tenant through the connectors like any other.
/// </summary>
/// <param name="tenantId">The tenant id the account registers as.</param>
/// <param name="intents">The sample company's intents, configured on its tenant.</param>
public abstract class DemoAccount(string tenantId, HelpdeskCapabilities helpdesk, DemoIntents intents) : IAsyncDisposable
{
    public string TenantId { get; } = tenantId;
    public HelpdeskCapabilities Helpdesk { get; } = helpdesk;
    public DemoIntents Intents { get; } = intents;

    /// <summary>The sample company, as the preview names it.</summary>
    public abstract string Company { get; }

    /// <summary>The tenant this process registered for the account; null until its fake runs.</summary>
    public Tenant? Tenant { get; internal set; }

    /// <summary>Starts the fake helpdesk on 127.0.0.1.</summary>
    /// <returns>The tenant's connection: its helpdesk, address and credentials.</returns>
    internal abstract Task<TenantOptions> StartAsync(CancellationToken cancellationToken);

    /// <summary>A page load of the app for <paramref name="userId"/>, signed as the helpdesk signs it; null when the helpdesk signs none.</summary>
    public abstract string? SignLoad(long userId);

    /// <summary>Every ticket of the sample data, for the replayed history.</summary>
    internal abstract IReadOnlyList<DemoTicket> Tickets { get; }

    /// <summary>How many knowledge articles the sample data holds, for the start-up log.</summary>
    internal abstract int Articles { get; }

    public abstract ValueTask DisposeAsync();
}

/// <summary>A demo account on one kind of fake helpdesk, which it starts and stops.</summary>
public abstract class DemoAccount<TFake>(string tenantId, HelpdeskCapabilities helpdesk, DemoIntents intents)
    : DemoAccount(tenantId, helpdesk, intents) where TFake : class, IAsyncDisposable
{
    /// <summary>The running fake; null until started.</summary>
    public TFake? Fake { get; protected set; }

    public override async ValueTask DisposeAsync()
    {
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }
}
