using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// Every attempt on the wire to a helpdesk passes here (inside the retry, so each retry does too):
/// while calls to the account are held, the attempt is answered here with a 429 naming the time
/// left, without calling; a 429, or a 503 with Retry-After, from the helpdesk starts such a hold, and
/// so does an answer whose rate-limit headers say the copilot has spent its share (<paramref name="budget"/>,
/// for helpdesks that have one), or a call that what is left of the share cannot pay for. The body is read here, so the attempt timeout covers a slow body as well
/// as slow headers. Logs method, path, status and time only.
/// </summary>
public sealed class HelpdeskBackoffHandler(
    HelpdeskBackoff backoff, TimeProvider time, ILogger<HelpdeskBackoffHandler> logger, HelpdeskRateBudget? budget = null) : DelegatingHandler
{
    /// <summary>Marks an answer made here rather than by the helpdesk; its value is the <see cref="HoldReason"/>.</summary>
    public const string Header = "X-Copilot-Backoff";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var account = HelpdeskBackoff.AccountOf(uri);
        if (backoff.Held(account) is { } held)
        {
            HelpdeskLog.HeldBack(logger, request.Method.Method, uri.AbsolutePath, held.Left);
            return Waiting(request, held.Left, held.Reason);
        }
        var scoped = budget is not null ? HelpdeskShare.Share : null;
        var lane = HelpdeskShare.Lane(account);
        if (scoped is not null && backoff.Held(lane) is { } laneHeld)
        {
            HelpdeskLog.HeldBack(logger, request.Method.Method, uri.AbsolutePath, laneHeld.Left);
            return Waiting(request, laneHeld.Left, laneHeld.Reason);
        }
        var cost = 0;
        if (budget is not null)
        {
            var reservation = budget.Reserve(account, request, scoped);
            if (reservation.Hold is { } unaffordable)
            {
                Hold(reservation.ScopeOnly ? lane : account, unaffordable);
                return Waiting(request, unaffordable.Wait, HoldReason.Budget);
            }
            cost = reservation.Cost;
        }
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            HelpdeskLog.Call(logger, request.Method.Method, uri.AbsolutePath, (int)response.StatusCode, Elapsed(started));
            if (AskedToWait(response) is { } wait)
            {
                var until = backoff.Record(account, wait);
                HelpdeskLog.BackingOff(logger, account, (int)response.StatusCode, wait, until);
            }
            else if (budget is { HoldsAccount: true } && budget.Spent(account, response) is { } spent)
            {
                Hold(account, spent);
            }
            else if (budget?.Spent(account, response, scoped ?? 1) is { } scopedSpent && scoped is not null)
            {
                // Every answer tells the budget what is left (share 1: nothing held but what ran dry); only a scope's calls
                // wait once the scope's share is spent: the account's own go on.
                Hold(lane, scopedSpent);
            }
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            HelpdeskLog.CallFailed(logger, request.Method.Method, uri.AbsolutePath, Elapsed(started), e.GetType().Name);
            throw;
        }
        finally
        {
            if (cost > 0)
            {
                budget!.Answered(account, cost);
            }
        }
    }

    private void Hold(string account, BudgetSpent spent)
    {
        var until = backoff.Record(account, spent.Wait, HoldReason.Budget);
        HelpdeskLog.BudgetSpent(logger, account, spent.Remaining, spent.Total, spent.Reserve, until);
    }

    private TimeSpan? AskedToWait(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.TooManyRequests => RetryAfter.From(response, time),
        HttpStatusCode.ServiceUnavailable => RetryAfter.From(response, time),
        _ => null,
    };

    private static HttpResponseMessage Waiting(HttpRequestMessage request, TimeSpan left, HoldReason reason)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            ReasonPhrase = reason switch
            {
                HoldReason.Budget => "Waiting to stay within our share of the rate limit",
                HoldReason.Breaker => "Waiting while the helpdesk keeps failing",
                _ => "Waiting as the helpdesk asked",
            },
            Content = new StringContent("""{"error":"BackingOff","description":"Calls to the helpdesk are held; it was not called."}""",
                new MediaTypeHeaderValue("application/json")),
        };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(left);
        response.Headers.Add(Header, reason.ToString());
        return response;
    }

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}
