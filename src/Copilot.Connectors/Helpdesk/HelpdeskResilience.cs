using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// The one resilience pipeline of a helpdesk transport, one instance per account (so each has its
/// own breaker): a total timeout; retries with jittered exponential backoff on 5xx, timeouts and
/// network errors, waiting exactly Retry-After (seconds or HTTP date) on a 429 or 503 when it is
/// short enough and failing at once when it is not; a circuit breaker on failures (a 429 is not one:
/// the back-off handles it); a timeout per attempt.
/// </summary>
internal static class HelpdeskResilience
{
    /// <param name="kind">"zendesk" or "freshdesk": names the strategies.</param>
    /// <param name="backoff">Told when the breaker opens, so other instances hold their calls to the account too.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, string kind, HelpdeskClientOptions options,
        TimeProvider time, ILogger logger, string account, HelpdeskBackoff backoff)
    {
        builder.TimeProvider = time;
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = $"{kind}-total", Timeout = options.TotalTimeout });
        var retries = Math.Clamp(options.MaxRetries, 0, HelpdeskClientOptions.RetryCap);
        if (retries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = $"{kind}-retry",
                MaxRetryAttempts = retries,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // Our own reading of Retry-After, on the injected clock (an HTTP date is read against "now").
                ShouldRetryAfterHeader = false,
                // A write (an approved action) is sent again only when the helpdesk refused it unread (a 429, or a 503 that
                // says when): after a timeout or a 5xx it may have been applied, and a note must not be added twice.
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)
                    && (IsRead(args.Context.GetRequestMessage()) || args.Outcome.Result is { } r && AsksToWait(r.StatusCode))),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r && AsksToWait(r.StatusCode) ? RetryAfter.From(r, time) : null),
                OnRetry = args =>
                {
                    HelpdeskLog.Retrying(logger, kind, args.AttemptNumber + 1, args.RetryDelay,
                        args.Outcome.Result is { } r ? (int)r.StatusCode : null, args.Outcome.Exception?.GetType().Name);
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = $"{kind}-breaker",
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
            OnOpened = args =>
            {
                HelpdeskLog.BreakerOpened(logger, kind, account, args.BreakDuration);
                if (args.Context.GetRequestMessage()?.RequestUri is { IsAbsoluteUri: true } uri)
                {
                    backoff.BreakerOpened(HelpdeskBackoff.AccountOf(uri), args.BreakDuration);
                }
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                HelpdeskLog.BreakerClosed(logger, kind, account);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = $"{kind}-attempt", Timeout = options.Timeout });
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HelpdeskClientOptions options, TimeProvider time) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: not null } => false,
        { Result: { } r } when AsksToWait(r.StatusCode) && RetryAfter.From(r, time) is { } wait => wait <= options.MaxRetryAfter,
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } } => true,
        { Result: { } r } => IsTransient(r.StatusCode),
        _ => false,
    };

    private static bool IsRead(HttpRequestMessage? request) => request is null || request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;

    /// <summary>What counts against an account's breaker: it failed, not merely asked us to slow down.</summary>
    internal static bool IsFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } r } => IsTransient(r.StatusCode),
        _ => false,
    };

    private static bool AsksToWait(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
