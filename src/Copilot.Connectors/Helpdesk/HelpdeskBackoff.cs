using System.Collections.Concurrent;

namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// The waits helpdesk accounts asked for (a 429, or a 503 with Retry-After), remembered across
/// requests: until one passes, no call goes to that account. Keyed by the account's origin
/// (scheme, host and port), because that is what a helpdesk rate-limits; two tenants on one
/// account share its wait. In memory per instance: each instance makes at most one call to learn it.
/// </summary>
public sealed class HelpdeskBackoff(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.OrdinalIgnoreCase);

    public static string AccountOf(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    /// <summary>How long the account still asks us to wait; null when calls may go out.</summary>
    public TimeSpan? Remaining(string account)
    {
        if (!_until.TryGetValue(account, out var until))
        {
            return null;
        }
        var left = until - time.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            return left;
        }
        _until.TryRemove(new KeyValuePair<string, DateTimeOffset>(account, until));
        return null;
    }

    /// <summary>Remembers a wait; a shorter one never cuts an earlier, longer one.</summary>
    /// <returns>When calls may go out again.</returns>
    public DateTimeOffset Record(string account, TimeSpan wait)
    {
        var until = time.GetUtcNow() + wait;
        return _until.AddOrUpdate(account, until, (_, earlier) => earlier > until ? earlier : until);
    }
}
