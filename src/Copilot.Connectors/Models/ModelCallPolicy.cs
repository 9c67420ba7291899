using Polly;
using Polly.CircuitBreaker;

namespace Copilot.Connectors.Models;

/// <summary>
/// How one model call is attempted: a deadline for the whole call (retries, waits and the whole
/// stream included), a timeout per attempt (and per stream chunk), bounded jittered retries on
/// 429/5xx and broken connections (honouring Retry-After while the call's deadline allows), and a
/// circuit breaker shared by every client of the same tenant and provider. Every failure leaves as a
/// <see cref="ModelException"/>. Deadlines and waits run on the factory's <see cref="TimeProvider"/>.
/// </summary>
public sealed class ModelCallPolicy
{
    private readonly ResiliencePipeline _pipeline;
    private readonly string? _secret;
    private readonly TimeProvider _time;

    internal ModelCallPolicy(string provider, ModelCallLimits limits, ResiliencePipeline pipeline, string? secret, TimeProvider time)
    {
        Provider = provider;
        AttemptTimeout = limits.Attempt;
        CallDeadline = limits.Call;
        _pipeline = pipeline;
        _secret = secret;
        _time = time;
    }

    public string Provider { get; }

    /// <summary>Longest wait for an answer to begin, and while streaming for the next chunk.</summary>
    public TimeSpan AttemptTimeout { get; }

    /// <summary>Longest a whole call may take, from its first attempt to the end of its stream.</summary>
    public TimeSpan CallDeadline { get; }

    /// <summary>Runs <paramref name="attempt"/> under retry and breaker; each attempt gets its own deadline, the whole call one more.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        using var call = StartCall(cancellationToken);
        return await RunAsync(async token =>
        {
            using var deadline = new ModelDeadline(token, AttemptTimeout, _time);
            try
            {
                return await attempt(deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (call.Translate(e, deadline.Token) is { } failure)
            {
                throw failure;
            }
        }, call).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a stream: the attempt receives a deadline token the stream keeps for the rest of its life
    /// (reset per chunk). Retries happen only here, before anything reached the caller. The returned
    /// <see cref="ModelCall"/> keeps the call's deadline running until it is disposed.
    /// </summary>
    internal async Task<(T Value, ModelCall Call)> StartStreamAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var call = StartCall(cancellationToken);
        try
        {
            var value = await RunAsync(async token =>
            {
                var deadline = new ModelDeadline(token, AttemptTimeout, _time);
                try
                {
                    var started = await attempt(deadline.Token).ConfigureAwait(false);
                    call.Chunk = deadline;
                    return started;
                }
                catch (Exception e)
                {
                    var failure = call.Translate(e, deadline.Token);
                    deadline.Dispose();
                    if (failure is not null)
                    {
                        throw failure;
                    }
                    throw;
                }
            }, call).ConfigureAwait(false);
            return (value, call);
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    private ModelCall StartCall(CancellationToken callerToken)
    {
        return new ModelCall(this, new ModelDeadline(callerToken, CallDeadline, _time), callerToken, _time.GetTimestamp());
    }

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, ModelCall call)
    {
        var context = ResilienceContextPool.Shared.Get(call.Token);
        context.Properties.Set(ModelCallLimits.Started, call.StartedAt);
        context.Properties.Set(ModelCallLimits.Deadline, CallDeadline);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, attempt) => await attempt(ctx.CancellationToken).ConfigureAwait(false), context, attempt).ConfigureAwait(false);
        }
        catch (BrokenCircuitException b)
        {
            throw new ModelException(Provider, null, $"{Provider} failed repeatedly; calls are paused.", b.RetryAfter, ModelFailure.CircuitOpen, b);
        }
        catch (ModelException m) when (m.RetryAfter is { } wait && context.Properties.TryGetValue(ModelCallLimits.Refused, out var reason))
        {
            throw new ModelException(m.Provider, m.StatusCode, $"{m.Message} It asked to be called again in {wait.TotalSeconds:0.#} s, {reason}; not waiting.", wait, m.Failure, m);
        }
        catch (OperationCanceledException e) when (call.Translate(e, call.Token) is { } failure)
        {
            // Cancelled between attempts (a backoff cut short by the call's deadline).
            throw failure;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    internal ModelException? Translate(Exception e, CancellationToken callerToken, CancellationToken callToken, CancellationToken attemptToken)
    {
        if (e is ModelException m)
        {
            return m;
        }
        if (!callerToken.IsCancellationRequested && callToken.IsCancellationRequested)
        {
            return new ModelException(Provider, null, $"{Provider} did not finish within this call's {CallDeadline.TotalSeconds:0.#} s deadline.", null, ModelFailure.Timeout, e);
        }
        // Our deadline firing is a timeout whatever the SDK turned it into (a cancellation, or an IOException from a stream read).
        return !callerToken.IsCancellationRequested && attemptToken.IsCancellationRequested
            ? new ModelException(Provider, null, $"{Provider} did not answer within {AttemptTimeout.TotalSeconds:0.#} s.", null, ModelFailure.Timeout, e)
            : ModelErrors.Translate(e, Provider, _secret, callerToken);
    }
}
