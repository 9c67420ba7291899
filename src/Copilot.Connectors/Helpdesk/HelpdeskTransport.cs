using System.Net;
using System.Runtime.ExceptionServices;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// Calls one tenant's Refit-declared helpdesk API and turns every way a call can fail into a
/// <see cref="HelpdeskException"/>: the helpdesk's own status and message (read by the vendor's
/// <paramref name="readError"/>), when to retry (its Retry-After, the wait it asked for earlier, or the
/// open breaker's), timeouts and network errors. The caller's own cancellation stays an
/// <see cref="OperationCanceledException"/>.
/// </summary>
/// <param name="kind">"zendesk" or "freshdesk", as <see cref="HelpdeskException.Helpdesk"/>.</param>
/// <param name="name">The vendor as people read it ("Zendesk"), in messages.</param>
internal sealed class HelpdeskTransport<TApi>(
    TApi api, string kind, string name, HelpdeskClientOptions options, TimeProvider time, Func<string?, string?> readError)
{
    public string Kind => kind;

    /// <summary>Runs one call; a 404 gives null when <paramref name="notFoundIsNull"/>.</summary>
    public async Task<T?> GetAsync<T>(Func<TApi, CancellationToken, Task<T>> call, bool notFoundIsNull, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            try
            {
                return await call(api, cancellationToken)
                    ?? throw new HelpdeskException(kind, 200, $"{name} answered with an empty body where JSON was expected.");
            }
            catch (ApiRequestException e) when (e.InnerException is { } sent)
            {
                // Refit wraps what failed on the way (network, timeouts, the open breaker): judge that.
                ExceptionDispatchInfo.Throw(sent);
                throw;
            }
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
        {
            return null;
        }
        catch (ApiException e) when (e.IsSuccess())
        {
            throw new HelpdeskException(kind, (int)e.StatusCode, $"{name} answered {e.Uri?.AbsolutePath} with a body that is not the expected JSON.", inner: e);
        }
        catch (ApiException e)
        {
            throw Failure(e);
        }
        catch (BrokenCircuitException e)
        {
            var wait = e.RetryAfter ?? options.BreakDuration;
            throw new HelpdeskException(kind, null, $"{name} failed repeatedly, so calls to it are paused for {RetryAfter.Seconds(wait)} s.", wait, e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new HelpdeskException(kind, null, $"{name} did not answer in time.", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new HelpdeskException(kind, null, $"{name} could not be reached: {e.Message}", inner: e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HelpdeskException(kind, null, $"{name} did not answer in time.", inner: e);
        }
    }

    /// <summary>
    /// Runs one call of a list paged by the <c>Link</c> header: its body, and the link to the next page
    /// (null on the last). A 404 gives a null body when <paramref name="notFoundIsNull"/>.
    /// </summary>
    public async Task<(T? Body, string? Next)> GetPageAsync<T>(
        Func<TApi, CancellationToken, Task<IApiResponse<T>>> call, bool notFoundIsNull, CancellationToken cancellationToken)
        where T : class
    {
        string? next = null;
        var body = await GetAsync(async (a, ct) =>
        {
            using var response = await call(a, ct);
            if (!response.IsSuccessful)
            {
                // The same failures a plain call throws, so they are judged the same way.
                if (response.Error is { } error)
                {
                    throw error;
                }
                await response.EnsureSuccessfulAsync();
            }
            next = response.GetLink("next")?.OriginalString;
            return response.Content!;
        }, notFoundIsNull, cancellationToken);
        return (body, body is null ? null : next);
    }

    private HelpdeskException Failure(ApiException e)
    {
        var status = (int)e.StatusCode;
        var wait = RetryAfter.From(e.Headers?.RetryAfter, time);
        if (e.Headers?.Contains(HelpdeskBackoffHandler.Header) == true)
        {
            var reason = e.Headers.GetValues(HelpdeskBackoffHandler.Header).FirstOrDefault();
            var seconds = RetryAfter.Seconds(wait ?? TimeSpan.Zero);
            return new HelpdeskException(kind, status, reason switch
            {
                nameof(HoldReason.Budget) => $"The copilot has spent its share of {name}'s rate limit for now; {name} is not called again for {seconds} s.",
                nameof(HoldReason.Breaker) => $"{name} failed repeatedly, so calls to it are paused for {seconds} s.",
                _ => $"{name} asked us to slow down; it is not called again for {seconds} s.",
            }, wait)
            {
                NotSent = true,
            };
        }
        var message = readError(e.Content) ?? $"{status} {e.ReasonPhrase}".Trim();
        return e.StatusCode == HttpStatusCode.TooManyRequests
            ? new HelpdeskException(kind, status, $"{name} is rate limiting requests: {message}", wait)
            : new HelpdeskException(kind, status, message, wait);
    }
}

internal static class ApiExceptionExtensions
{
    /// <summary>A success status on an <see cref="ApiException"/> means the body could not be read as the expected JSON.</summary>
    public static bool IsSuccess(this ApiException e) => (int)e.StatusCode is >= 200 and < 300;
}
