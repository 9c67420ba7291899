using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Copilot.Connectors.Models;

/// <summary>
/// Turns what the SDK and the network throw into <see cref="ModelException"/>. Runs at the edge of
/// the adapter so nothing above it sees a vendor exception, an API key, or a raw response body.
/// </summary>
internal static partial class ModelErrors
{
    private const int MaxDetail = 300;

    /// <summary>Null when the failure is the caller's own cancellation, which must stay an OperationCanceledException.</summary>
    public static ModelException? Translate(Exception e, string provider, string? secret, CancellationToken callerToken) => e switch
    {
        ModelException m => m,
        OperationCanceledException when callerToken.IsCancellationRequested => null,
        OperationCanceledException oce => new ModelException(provider, null, $"{provider} did not answer in time.", null, ModelFailure.Timeout, oce),
        ClientResultException c when c.Status == 0 => Network(provider, c),
        ClientResultException c => FromStatus(provider, c, secret),
        HttpRequestException or IOException => Network(provider, e),
        JsonException or FormatException or KeyNotFoundException or InvalidOperationException =>
            new ModelException(provider, null, $"{provider} sent a response that could not be read.", null, ModelFailure.InvalidResponse, e),
        _ => null,
    };

    private static ModelException Network(string provider, Exception e) =>
        new(provider, null, $"{provider} could not be reached or closed the connection.", null, ModelFailure.Network, e);

    private static ModelException FromStatus(string provider, ClientResultException c, string? secret)
    {
        var response = c.GetRawResponse();
        var detail = response is null ? null : ErrorMessage(response);
        var message = detail is null
            ? $"{provider} answered {c.Status}."
            : $"{provider} answered {c.Status}: {Scrub(detail, secret)}";
        // No inner exception: the SDK's message quotes the response body, which may echo the key.
        return new ModelException(provider, c.Status, message, response is null ? null : RetryAfter(response.Headers), ModelFailure.Http);
    }

    /// <summary>OpenAI sends <c>retry-after-ms</c> next to <c>Retry-After</c> (seconds or an HTTP date).</summary>
    internal static TimeSpan? RetryAfter(PipelineResponseHeaders headers)
    {
        if (headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }
        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - DateTimeOffset.UtcNow).Ticks))
            : null;
    }

    private static string? ErrorMessage(PipelineResponse response)
    {
        try
        {
            using var doc = JsonDocument.Parse(response.Content);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    return m.GetString();
                }
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString();
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // A body that is not OpenAI's error shape tells us nothing the status does not.
        }
        return null;
    }

    /// <summary>Providers echo (parts of) the key in 401 messages; neither the key nor anything key-shaped survives.</summary>
    internal static string Scrub(string text, string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        text = KeyShaped().Replace(text, "***");
        return text.Length <= MaxDetail ? text : string.Concat(text.AsSpan(0, MaxDetail), "…");
    }

    [GeneratedRegex(@"\b(sk|pk|key|api[-_]?key)[-_][A-Za-z0-9_\-\*\.]{3,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyShaped();
}
