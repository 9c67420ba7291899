using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// Sends one GET to Zendesk through the resilience pipeline and turns every way it can fail
/// into a <see cref="HelpdeskException"/>. Paging links are followed on the connection's own host only,
/// so credentials never travel elsewhere.
/// </summary>
internal sealed class ZendeskTransport(
    HttpClient http,
    HelpdeskConnection connection,
    ResiliencePipeline<HttpResponseMessage> pipeline,
    TimeProvider time,
    ILogger logger)
{
    public const string Kind = "zendesk";

    private readonly AuthenticationHeaderValue _auth = ZendeskAuth.Header(connection);

    /// <summary>GETs and reads JSON; a 404 gives null when <paramref name="notFoundIsNull"/>.</summary>
    public async Task<T?> GetAsync<T>(string pathAndQuery, bool notFoundIsNull, CancellationToken cancellationToken) where T : class
    {
        var uri = Resolve(pathAndQuery);
        using var response = await SendAsync(uri, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, cancellationToken);
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ZendeskJson.Options, cancellationToken)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            throw new HelpdeskException(Kind, (int)response.StatusCode, $"Zendesk answered {uri.AbsolutePath} with a body that is not the expected JSON.", inner: e);
        }
    }

    /// <summary>A paging link from Zendesk, reduced to a path on our own connection; null when there is none.</summary>
    public string? NextLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(link, UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }
        return uri.IsAbsoluteUri ? uri.PathAndQuery : link;
    }

    private Uri Resolve(string pathAndQuery) => new(connection.BaseUrl, pathAndQuery);

    private async Task<HttpResponseMessage> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(async token => await SendOnceAsync(uri, token), cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw new HelpdeskException(Kind, null, $"Zendesk did not answer {uri.AbsolutePath} in time.", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new HelpdeskException(Kind, null, $"Zendesk could not be reached: {e.Message}", inner: e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HelpdeskException(Kind, null, $"Zendesk did not answer {uri.AbsolutePath} in time.", inner: e);
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = _auth;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var started = time.GetTimestamp();
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            ZendeskLog.Call(logger, "GET", uri.AbsolutePath, (int)response.StatusCode, (long)time.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            ZendeskLog.CallFailed(logger, "GET", uri.AbsolutePath, (long)time.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
        }
    }

    private async Task<HelpdeskException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var detail = await ZendeskErrors.ReadMessageAsync(response, cancellationToken);
        var message = detail ?? $"{status} {response.ReasonPhrase}".Trim();
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = ZendeskResilience.RetryAfter(response, time);
            return new HelpdeskException(Kind, status, $"Zendesk is rate limiting requests: {message}", wait);
        }
        return new HelpdeskException(Kind, status, message);
    }
}
