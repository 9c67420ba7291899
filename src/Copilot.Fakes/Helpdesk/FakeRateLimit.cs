namespace Copilot.Fakes.Helpdesk;

/// <summary>
/// A helpdesk account's per-minute rate limit, on the fake's clock: each request spends its credits from the current
/// window (a window starts with the first request after the last one ended); a request that finds too few left is
/// answered 429 with Retry-After until the window turns over. Every window's spending is kept, so tests can check what
/// a client spent in each minute.
/// </summary>
public sealed class FakeRateLimit(TimeProvider time, Func<int> perMinute)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly object _sync = new();
    private readonly List<(DateTimeOffset Start, int Used)> _windows = [];
    private int _rejected;

    /// <summary>Requests answered 429 because the account ran dry.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>The credits spent in each window so far, oldest first.</summary>
    public IReadOnlyList<int> SpentPerWindow
    {
        get
        {
            lock (_sync)
            {
                return _windows.Select(w => w.Used).ToList();
            }
        }
    }

    /// <summary>Spends <paramref name="credits"/>, or none when too few are left.</summary>
    /// <returns>The limit, what is left after this request, and how long to wait when it was refused.</returns>
    internal (int Total, int Remaining, TimeSpan? RetryAfter) Spend(int credits)
    {
        var total = perMinute();
        var now = time.GetUtcNow();
        lock (_sync)
        {
            if (_windows.Count == 0 || now - _windows[^1].Start >= Window)
            {
                _windows.Add((now, 0));
            }
            var (start, used) = _windows[^1];
            if (used + credits > total)
            {
                Interlocked.Increment(ref _rejected);
                return (total, Math.Max(0, total - used), start + Window - now);
            }
            _windows[^1] = (start, used + credits);
            return (total, total - used - credits, null);
        }
    }
}
