using System.Collections.Concurrent;
using System.Security.Cryptography;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Api.Sidebar;

/// <summary>
/// The public keys Zendesk signs page loads with, per tenant and app, fetched from the
/// tenant's helpdesk and kept for an hour (every sidebar load needs one; the helpdesk's
/// rate limit does not allow a fetch each time).
/// </summary>
public sealed class AppKeyCache(IServiceProvider services, TimeProvider time, ILogger<AppKeyCache> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string Tenant, long App), (RsaSecurityKey Key, DateTimeOffset Until)> _keys = new();

    public async Task<RsaSecurityKey?> GetAsync(Tenant tenant, long appId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_keys.TryGetValue((tenant.Id, appId), out var cached) && cached.Until > now)
        {
            return cached.Key;
        }
        var directory = services.GetRequiredService<IHelpdeskDirectory>();
        var pem = await directory.GetAppPublicKeyAsync(tenant.Connection, appId, cancellationToken);
        if (string.IsNullOrWhiteSpace(pem))
        {
            SidebarLog.NoAppKey(logger, tenant.Id, appId);
            return null;
        }
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
            SidebarLog.BadAppKey(logger, tenant.Id, appId);
            return null;
        }
        var key = new RsaSecurityKey(rsa) { KeyId = $"{tenant.Id}:{appId}" };
        _keys[(tenant.Id, appId)] = (key, now.Add(Lifetime));
        return key;
    }
}
