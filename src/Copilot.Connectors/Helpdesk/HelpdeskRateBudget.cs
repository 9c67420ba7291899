using System.Collections.Concurrent;
using System.Globalization;

namespace Copilot.Connectors.Helpdesk;

/// <summary>The copilot has spent its share of an account's rate-limit window: hold calls for <see cref="Wait"/>.</summary>
public readonly record struct BudgetSpent(TimeSpan Wait, int Remaining, int Total, int Reserve);

/// <summary>
/// What <see cref="HelpdeskRateBudget.Reserve"/> decided: a hold (of the scope's lane alone when <paramref name="ScopeOnly"/>),
/// or the credits counted as on their way.
/// </summary>
public readonly record struct Reservation(BudgetSpent? Hold, bool ScopeOnly, int Cost);

/// <summary>
/// Keeps the copilot within a share of a helpdesk account's per-window rate limit, read from the limit and
/// remaining-calls headers of every answer. The rest of the window (<c>1 − share</c> of the limit) is left
/// for the account's other integrations: once the remaining calls fall to that reserve, the account gets no
/// call from us until the window has passed. The helpdesk does not say when its window started, so the
/// window is counted from the first answer we saw in it — a window that began earlier also ends earlier,
/// so calls never resume before the helpdesk's own window has turned over. A call that costs more than one
/// credit (<paramref name="credits"/>) is held before it is sent when what the last answer left above the reserve
/// cannot pay for it, so the share is never overspent by the call that crosses it.
/// </summary>
/// <param name="totalHeader">The header naming the calls allowed per window ("X-RateLimit-Total").</param>
/// <param name="remainingHeader">The header naming the calls left in this window ("X-RateLimit-Remaining").</param>
/// <param name="share">The share of the limit the copilot may spend, above 0 and at most 1.</param>
/// <param name="credits">What a request costs of the limit (Freshdesk: one, and one per embedded resource); one when not given.</param>
/// <param name="holdsAccount">
/// False for a helpdesk whose limit only scoped calls (<see cref="HelpdeskShare"/>) are kept within: its answers are read,
/// but the account's own calls are never held by the budget.
/// </param>
public sealed class HelpdeskRateBudget(
    string totalHeader, string remainingHeader, double share, TimeSpan window, TimeProvider time, Func<HttpRequestMessage, int>? credits = null,
    bool holdsAccount = true)
{
    /// <summary>Whether the account's own calls are held once the copilot's share is spent.</summary>
    public bool HoldsAccount => holdsAccount;

    private static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _windowStart = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Remaining, int Total)> _left = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The calls of each window left to others: the limit times <c>1 − share</c>, rounded up.</summary>
    public int ReserveOf(int total) => ReserveOf(total, share);

    private int ReserveOf(int total, double spendable) => (int)Math.Ceiling(total * (1 - Math.Min(share, spendable)) - 1e-9);

    /// <param name="scoped">A smaller share to measure against (a scope's, <see cref="HelpdeskShare"/>); the budget's own when null.</param>
    /// <returns>How long to hold the account, or null when the answer leaves us calls to make (or names no limit).</returns>
    public BudgetSpent? Spent(string account, HttpResponseMessage response, double? scoped = null)
    {
        var now = time.GetUtcNow();
        var start = _windowStart.AddOrUpdate(account, now, (_, earlier) => now - earlier >= window ? now : earlier);
        if (Read(response, totalHeader) is not { } total || Read(response, remainingHeader) is not { } remaining || total <= 0)
        {
            return null;
        }
        // Answers can be read out of order: within a window what is left only falls, so the lowest count read is the true one.
        remaining = _left.AddOrUpdate(account, (start, remaining, total),
            (_, known) => known.Start == start ? (start, Math.Min(known.Remaining, remaining), total) : (start, remaining, total)).Remaining;
        var reserve = ReserveOf(total, scoped ?? share);
        if (remaining > reserve)
        {
            return null;
        }
        var wait = start + window - now;
        return new BudgetSpent(wait > TimeSpan.Zero ? wait : window, remaining, total, reserve);
    }

    /// <returns>
    /// Before a call: how long to hold the account when the call would spend into the reserve — what the answers of this
    /// window left above it (the whole limit in a window none has spoken of yet), less the calls on their way,
    /// cannot pay for the call; null when it can, or the account has never answered.
    /// </returns>
    public BudgetSpent? Before(string account, HttpRequestMessage request, double? scoped = null)
    {
        var now = time.GetUtcNow();
        if (!_left.TryGetValue(account, out var left))
        {
            return null;
        }
        var wait = left.Start + window - now;
        if (wait <= TimeSpan.Zero)
        {
            // A new window no answer has spoken of yet: the whole limit, less what is already on its way; should that not
            // pay for the call, a moment's wait lets the calls on their way answer for the new window.
            (left, wait) = ((now, left.Total, left.Total), InFlightWait);
        }
        var reserve = ReserveOf(left.Total, scoped ?? share);
        // Calls already sent but not yet answered are not in the last answer's count: they are spent all the same.
        var sent = _inFlight.GetValueOrDefault(account);
        return left.Remaining - sent - (credits?.Invoke(request) ?? 1) >= reserve
            ? null
            : new BudgetSpent(wait, left.Remaining, left.Total, reserve);
    }

    /// <summary>
    /// Before any call, in one step: hold it when the account's share (<see cref="HoldsAccount"/>) or the scope's share
    /// (<paramref name="scoped"/>, when the call is a scope's) cannot pay for it, or count what it costs as on its way
    /// until its answer says what is left. Checked and counted under one lock, so two calls checked side by side cannot
    /// both spend the last of a share.
    /// </summary>
    /// <returns>
    /// The hold, whether only the scope is held (its lane, not the account), and the credits to hand back to
    /// <see cref="Answered"/> once the call has answered or failed.
    /// </returns>
    public Reservation Reserve(string account, HttpRequestMessage request, double? scoped)
    {
        lock (_reserving)
        {
            if (holdsAccount && Before(account, request) is { } hold)
            {
                return new Reservation(hold, ScopeOnly: false, 0);
            }
            if (scoped is { } share && Before(account, request, share) is { } scopeHold)
            {
                return new Reservation(scopeHold, ScopeOnly: true, 0);
            }
            var cost = credits?.Invoke(request) ?? 1;
            _inFlight.AddOrUpdate(account, cost, (_, sent) => sent + cost);
            return new Reservation(null, ScopeOnly: false, cost);
        }
    }

    private readonly Lock _reserving = new();

    public void Answered(string account, int cost) => _inFlight.AddOrUpdate(account, 0, (_, sent) => Math.Max(0, sent - cost));

    private static int? Read(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (int)Math.Floor(value)
            : null;
}
