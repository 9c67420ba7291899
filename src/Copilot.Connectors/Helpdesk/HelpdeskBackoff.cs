using System.Collections.Concurrent;

namespace Copilot.Connectors.Helpdesk;

/// <summary>Why calls to an account are held.</summary>
public enum HoldReason
{
    /// <summary>The helpdesk asked us to wait (a 429, or a 503 with Retry-After).</summary>
    Asked,

    /// <summary>The copilot has spent its share of the account's rate limit for this window.</summary>
    Budget,

    /// <summary>Another instance's breaker for the account is open: the account kept failing there.</summary>
    Breaker,
}

/// <summary>
/// The waits helpdesk accounts asked for (a 429, or a 503 with Retry-After), and the ones the copilot
/// imposes on itself to stay within its share of an account's rate limit, remembered across requests:
/// until one passes, no call goes to that account. Keyed by the account's origin (scheme, host and port),
/// because that is what a helpdesk rate-limits; two tenants on one account share its wait. In memory;
/// several instances share what each learns through <see cref="Learned"/> and <see cref="Share"/> (the host wires
/// them to whatever the instances share), so one call of one instance learns it for all.
/// </summary>
public sealed class HelpdeskBackoff(TimeProvider time)
{
    /// <summary>
    /// This instance learned of a hold: the helpdesk asked it to wait, it spent its share of the limit, or its breaker
    /// for the account opened. The hold's account, end and reason, for the other instances.
    /// </summary>
    public event Action<string, DateTimeOffset, HoldReason>? Learned;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, HoldReason Reason)> _until = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The account a URL calls: its scheme, host and port, never a user name or password it may hold (the account is logged).</summary>
    public static string AccountOf(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

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
        var until = Keep(account, time.GetUtcNow() + wait, reason);
        Learned?.Invoke(account, until, reason);
        return until;
    }

    /// <summary>A hold another instance learned, kept here as if learned here (and not told again).</summary>
    public void Share(string account, DateTimeOffset until, HoldReason reason)
    {
        if (until > time.GetUtcNow())
        {
            Keep(account, until, reason);
        }
    }

    /// <summary>
    /// This instance's breaker for the account opened: its own calls stop there; the other instances hold theirs for as
    /// long, as they would have found the account failing too.
    /// </summary>
    public void BreakerOpened(string account, TimeSpan duration) => Learned?.Invoke(account, time.GetUtcNow() + duration, HoldReason.Breaker);

    private DateTimeOffset Keep(string account, DateTimeOffset until, HoldReason reason) =>
        _until.AddOrUpdate(account, (until, reason), (_, earlier) => earlier.Until > until ? earlier : (until, reason)).Until;
}
