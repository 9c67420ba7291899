using System.Net.Http.Headers;

namespace Copilot.Connectors.Helpdesk;

/// <summary>A <c>Retry-After</c> header as a wait from now: delta seconds, or an HTTP date read on the given clock.</summary>
public static class RetryAfter
{
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider time) => From(response.Headers.RetryAfter, time);

    public static TimeSpan? From(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>Whole seconds, rounded up, never below one: what our own answers put in their Retry-After.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
