using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Copilot.Api.Hosting;

/// <summary>
/// How long a URL and how many header bytes a request may bring. Kestrel answers a request line
/// or headers beyond its own limits itself, with an empty 414 or 431 that no middleware sees; so
/// its limits are set well above these, and these are checked first in the pipeline, where the
/// answer is problem+json. Only a request beyond Kestrel's larger limits, or one it cannot parse
/// as HTTP at all, still gets Kestrel's bare 400/414/431.
/// </summary>
public static class RequestLimits
{
    /// <summary>The request target (path and query, as sent, percent-encoded) may be this long.</summary>
    public const int MaxTargetBytes = 32 * 1024;

    /// <summary>All header names and values together may be this long.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    public const int MaxHeaderCount = 100;

    /// <summary>Kestrel's own limits: twice ours, so ours answer first.</summary>
    public static void ApplyTo(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = 2 * MaxTargetBytes;
        limits.MaxRequestHeadersTotalSize = 2 * MaxHeaderBytes;
        limits.MaxRequestHeaderCount = 2 * MaxHeaderCount;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (Refusal(http) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static IResult? Refusal(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget?.Length ?? 0;
        if (target > MaxTargetBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "URL too long",
                detail: $"The path and query may be at most {MaxTargetBytes} bytes as sent; this one is {target}.");
        }
        var headers = http.Request.Headers;
        var bytes = headers.Sum(h => h.Key.Length + 4 + h.Value.Sum(v => v?.Length ?? 0));
        if (headers.Count > MaxHeaderCount || bytes > MaxHeaderBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge, title: "Request headers too large",
                detail: $"A request may carry at most {MaxHeaderCount} headers of at most {MaxHeaderBytes} bytes together; this one has {headers.Count} of {bytes}.");
        }
        if (UnknownCharset(http.Request.ContentType) is { } charset)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported charset",
                detail: $"The body's charset '{(charset.Length > 40 ? charset[..40] + "…" : charset)}' is not an encoding Copilot knows; send UTF-8.");
        }
        return null;
    }

    /// <summary>The charset a Content-Type names when no encoding of that name exists (the body could not be read); otherwise null.</summary>
    private static string? UnknownCharset(string? contentType)
    {
        if (contentType is null || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
            || media.Charset is not { Length: > 0 } charset)
        {
            return null;
        }
        try
        {
            _ = System.Text.Encoding.GetEncoding(charset.ToString().Trim('"'));
            return null;
        }
        catch (ArgumentException)
        {
            return charset.ToString();
        }
    }
}
