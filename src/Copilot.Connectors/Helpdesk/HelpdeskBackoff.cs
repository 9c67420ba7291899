using System.Collections.Concurrent;

namespace Copilot.Connectors.Helpdesk;

/// <summary>Why calls to an account are held.</summary>
public enum HoldReason
{
    /// <summary>The helpdesk asked us to wait (a 429, or a 503 with Retry-After).</summary>
    Asked,

    /// <summary>The copilot has spent its share of the account's rate limit for this window.</summary>
    Budget,
}

/// <summary>
/// The waits helpdesk accounts asked for (a 429, or a 503 with Retry-After), and the ones the copilot
/// imposes on itself to stay within its share of an account's rate limit, remembered across requests:
/// until one passes, no call goes to that account. Keyed by the account's origin (scheme, host and port),
/// because that is what a helpdesk rate-limits; two tenants on one account share its wait. In memory
/// per instance: each instance makes at most one call to learn it.
/// </summary>
public sealed class HelpdeskBackoff(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, HoldReason Reason)> _until = new(StringComparer.OrdinalIgnoreCase);

    public static string AccountOf(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    /// <summary>How long calls to the account are still held, and why; null when calls may go out.</summary>
    public (TimeSpan Left, HoldReason Reason)? Held(string account)
    {
        if (!_until.TryGetValue(account, out var hold))
        {
            return null;
        }
        var left = hold.Until - time.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            return (left, hold.Reason);
        }
        _until.TryRemove(new KeyValuePair<string, (DateTimeOffset, HoldReason)>(account, hold));
        return null;
    }

    /// <summary>Remembers a wait; a shorter one never cuts an earlier, longer one.</summary>
    /// <returns>When calls may go out again.</returns>
    public DateTimeOffset Record(string account, TimeSpan wait, HoldReason reason = HoldReason.Asked)
    {
        var until = time.GetUtcNow() + wait;
        return _until.AddOrUpdate(account, (until, reason), (_, earlier) => earlier.Until > until ? earlier : (until, reason)).Until;
    }
}
