using System.Net;
using Copilot.Connectors.Helpdesk;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// Calls one tenant's <see cref="IZendeskApi"/> and turns every way a call can fail into a
/// <see cref="HelpdeskException"/>: Zendesk's own status and message, when to retry (its
/// Retry-After, the wait it asked for earlier, or the open breaker's), timeouts and network errors.
/// The caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ZendeskTransport(IZendeskApi api, ZendeskClientOptions options, TimeProvider time)
{
    public const string Kind = "zendesk";

    /// <summary>Runs one call; a 404 gives null when <paramref name="notFoundIsNull"/>.</summary>
    public async Task<T?> GetAsync<T>(Func<IZendeskApi, CancellationToken, Task<T>> call, bool notFoundIsNull, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            try
            {
                return await call(api, cancellationToken)
                    ?? throw new HelpdeskException(Kind, 200, "Zendesk answered with an empty body where JSON was expected.");
            }
            catch (ApiRequestException e) when (e.InnerException is { } sent)
            {
                // Refit wraps what failed on the way (network, timeouts, the open breaker): judge that.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(sent);
                throw;
            }
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
        {
            return null;
        }
        catch (ApiException e) when (e.IsSuccess())
        {
            throw new HelpdeskException(Kind, (int)e.StatusCode, $"Zendesk answered {e.Uri?.AbsolutePath} with a body that is not the expected JSON.", inner: e);
        }
        catch (ApiException e)
        {
            throw Failure(e);
        }
        catch (BrokenCircuitException e)
        {
            var wait = e.RetryAfter ?? options.BreakDuration;
            throw new HelpdeskException(Kind, null, $"Zendesk failed repeatedly, so calls to it are paused for {RetryAfter.Seconds(wait)} s.", wait, e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new HelpdeskException(Kind, null, "Zendesk did not answer in time.", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new HelpdeskException(Kind, null, $"Zendesk could not be reached: {e.Message}", inner: e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HelpdeskException(Kind, null, "Zendesk did not answer in time.", inner: e);
        }
    }

    /// <summary>The query of a paging link Zendesk sent, to ask the same endpoint for the next page; null when there is none.</summary>
    public static IDictionary<string, string>? NextPage(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(link, UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }
        var query = uri.IsAbsoluteUri ? uri.Query : link.Contains('?', StringComparison.Ordinal) ? link[link.IndexOf('?', StringComparison.Ordinal)..] : "";
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        return parsed.Count == 0 ? null : parsed.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    private HelpdeskException Failure(ApiException e)
    {
        var status = (int)e.StatusCode;
        var wait = RetryAfter.From(e.Headers?.RetryAfter, time);
        if (e.Headers?.Contains(HelpdeskBackoffHandler.Header) == true)
        {
            return new HelpdeskException(Kind, status, $"Zendesk asked us to slow down; it is not called again for {RetryAfter.Seconds(wait ?? TimeSpan.Zero)} s.", wait);
        }
        var message = ZendeskErrors.Parse(e.Content) ?? $"{status} {e.ReasonPhrase}".Trim();
        return e.StatusCode == HttpStatusCode.TooManyRequests
            ? new HelpdeskException(Kind, status, $"Zendesk is rate limiting requests: {message}", wait)
            : new HelpdeskException(Kind, status, message, wait);
    }
}

internal static class ApiExceptionExtensions
{
    /// <summary>A success status on an <see cref="ApiException"/> means the body could not be read as the expected JSON.</summary>
    public static bool IsSuccess(this ApiException e) => (int)e.StatusCode is >= 200 and < 300;
}
