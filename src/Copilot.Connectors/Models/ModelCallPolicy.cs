using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Copilot.Connectors.Models;

/// <summary>
/// How one model call is attempted: a timeout per attempt, bounded jittered retries on 429/5xx and
/// broken connections (honouring Retry-After), and a circuit breaker shared by every client of the
/// same tenant and provider. Every failure leaves as a <see cref="ModelException"/>.
/// </summary>
public sealed partial class ModelCallPolicy
{
    private readonly ResiliencePipeline _pipeline;
    private readonly string? _secret;

    internal ModelCallPolicy(string provider, TimeSpan attemptTimeout, ResiliencePipeline pipeline, string? secret)
    {
        Provider = provider;
        AttemptTimeout = attemptTimeout;
        _pipeline = pipeline;
        _secret = secret;
    }

    public string Provider { get; }
    public TimeSpan AttemptTimeout { get; }

    /// <summary>Runs <paramref name="attempt"/> under retry and breaker; each attempt gets its own deadline.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async (token) =>
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
                deadline.CancelAfter(AttemptTimeout);
                try
                {
                    return await attempt(deadline.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (Translate(e, cancellationToken, deadline.Token) is { } failure)
                {
                    throw failure;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException b)
        {
            throw CircuitOpen(b);
        }
    }

    /// <summary>
    /// Starts a stream: the attempt receives a deadline source it keeps (and disposes) for the rest of
    /// the stream. Retries happen only here, before anything reached the caller.
    /// </summary>
    internal async Task<T> StartStreamAsync<T>(Func<CancellationTokenSource, Task<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async (token) =>
            {
                var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
                deadline.CancelAfter(AttemptTimeout);
                try
                {
                    return await attempt(deadline).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    var failure = Translate(e, cancellationToken, deadline.Token);
                    deadline.Dispose();
                    if (failure is not null)
                    {
                        throw failure;
                    }
                    throw;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException b)
        {
            throw CircuitOpen(b);
        }
    }

    /// <summary>
    /// Our deadline firing is a timeout whatever the SDK turned it into (a cancellation, or an
    /// IOException from a stream read); the caller's own cancellation stays a cancellation.
    /// </summary>
    internal ModelException? Translate(Exception e, CancellationToken callerToken, CancellationToken deadline) =>
        e is not ModelException && deadline.IsCancellationRequested && !callerToken.IsCancellationRequested
            ? new ModelException(Provider, null, $"{Provider} did not answer within {AttemptTimeout.TotalSeconds:0.#} s.", null, ModelFailure.Timeout, e)
            : ModelErrors.Translate(e, Provider, _secret, callerToken);

    private ModelException CircuitOpen(BrokenCircuitException b) =>
        new(Provider, null, $"{Provider} failed repeatedly; calls are paused.", b.RetryAfter, ModelFailure.CircuitOpen, b);

    internal static ResiliencePipeline BuildPipeline(ModelOptions options, ILogger logger, TimeProvider time)
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
                // A provider asking for a longer pause than we are willing to hold a request open: fail now.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ModelException { IsTransient: true } m
                    && (m.RetryAfter is null || m.RetryAfter <= maxRetryAfter)),
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Model call to {Provider} failed ({Status}, {Failure}); attempt {Attempt} in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, string provider, int? status, ModelFailure? failure, int attempt, double delayMs);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Model provider {Provider} failed repeatedly; pausing calls for {Seconds} s")]
        public static partial void BreakerOpened(ILogger logger, string provider, double seconds);
    }
}
