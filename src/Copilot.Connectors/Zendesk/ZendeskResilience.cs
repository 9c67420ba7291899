using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// The one retry/timeout policy for Zendesk calls: a timeout per attempt, a few retries with
/// jittered exponential backoff on 5xx, timeouts and network errors, and on 429 a wait of
/// exactly Retry-After when that is short enough. Never more than <see cref="ZendeskClientOptions.RetryCap"/> retries.
/// </summary>
public static class ZendeskResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(ZendeskClientOptions options, TimeProvider time, ILogger logger)
    {
        var retries = Math.Clamp(options.MaxRetries, 0, ZendeskClientOptions.RetryCap);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    DelayFor(args.Outcome.Result, args.AttemptNumber, options, time, Random.Shared.NextDouble())),
                OnRetry = args =>
                {
                    ZendeskLog.Retrying(logger, args.AttemptNumber + 1, args.RetryDelay,
                        args.Outcome.Result is { } r ? (int)r.StatusCode : null, args.Outcome.Exception?.GetType().Name);
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ZendeskClientOptions options, TimeProvider time) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: not null } => false,
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } r } => RetryAfter(r, time) is not { } wait || wait <= options.MaxRetryAfter,
        { Result: { } r } => IsTransient(r.StatusCode),
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// The wait before retry <paramref name="attempt"/> (0-based): Retry-After on a 429 that has one,
    /// (or a short one on a 503), otherwise BaseDelay·2^attempt scaled by a jitter factor in [0.5, 1).
    /// </summary>
    public static TimeSpan DelayFor(HttpResponseMessage? response, int attempt, ZendeskClientOptions options, TimeProvider time, double jitter)
    {
        if (response is { StatusCode: HttpStatusCode.TooManyRequests } && RetryAfter(response, time) is { } wait)
        {
            return wait;
        }
        // Zendesk may put Retry-After on a 503 during maintenance; honour it when it is short.
        if (response is { StatusCode: HttpStatusCode.ServiceUnavailable } && RetryAfter(response, time) is { } pause && pause <= options.MaxRetryAfter)
        {
            return pause;
        }
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 10));
        return TimeSpan.FromMilliseconds(exponential * (0.5 + 0.5 * Math.Clamp(jitter, 0, 1)));
    }

    /// <summary>Retry-After as a wait from now: delta seconds, or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
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
}
