using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Copilot.Connectors.Models;

/// <summary>The retry and circuit breaker strategies of one tenant and provider.</summary>
internal static partial class ModelCallPipeline
{
    public static ResiliencePipeline Build(ModelOptions options, ILogger logger, TimeProvider time, CircuitBreakerStateProvider? breakerState = null)
    {
        var maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
                MaxDelay = maxRetryAfter,
                // A provider asking for a longer pause than we are willing to hold a request open, or than
                // the call has left before its deadline: fail now instead of sleeping into the deadline.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ModelException { IsTransient: true } m
                    && WaitAllowed(m, args.Context, maxRetryAfter, time)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ModelException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var failure = args.Outcome.Exception as ModelException;
                    Log.Retrying(logger, failure?.Provider ?? "model", failure?.StatusCode, failure?.Failure, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            MinimumThroughput = options.BreakerMinimumThroughput,
            FailureRatio = options.BreakerFailureRatio,
            SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(options.BreakDurationSeconds),
            StateProvider = breakerState,
            // Our own mistakes (400, 401, 404) say nothing about the provider's health.
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ModelException m
                && (m.Failure != ModelFailure.Http || m.IsTransient)),
            OnOpened = args =>
            {
                Log.BreakerOpened(logger, options.Provider, args.BreakDuration.TotalSeconds);
                return ValueTask.CompletedTask;
            },
        });
        return builder.Build();
    }

    /// <summary>
    /// A Retry-After is waited for only when it is within <paramref name="maxRetryAfter"/> and ends
    /// before the call's deadline; otherwise the reason is left on the context for the failure's message.
    /// </summary>
    private static bool WaitAllowed(ModelException failure, ResilienceContext context, TimeSpan maxRetryAfter, TimeProvider time)
    {
        if (failure.RetryAfter is not { } wait)
        {
            return true;
        }
        var left = ModelCallLimits.Left(context, time);
        var refused = wait > maxRetryAfter ? $"longer than the {maxRetryAfter.TotalSeconds:0.#} s we wait at most"
            : wait >= left ? $"more than the {Math.Max(0, left.TotalSeconds):0.#} s left before the call's deadline"
            : null;
        if (refused is not null)
        {
            context.Properties.Set(ModelCallLimits.Refused, refused);
        }
        return refused is null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4901, Level = LogLevel.Warning, Message = "Model call to {Provider} failed ({Status}, {Failure}); attempt {Attempt} in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, string provider, int? status, ModelFailure? failure, int attempt, double delayMs);

        [LoggerMessage(EventId = 4902, Level = LogLevel.Warning, Message = "Model provider {Provider} failed repeatedly; pausing calls for {Seconds} s")]
        public static partial void BreakerOpened(ILogger logger, string provider, double seconds);
    }
}
