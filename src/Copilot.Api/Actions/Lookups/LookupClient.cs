using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Actions.Lookups;

/// <summary>What a lookup answered: <see cref="Ok"/> with its text, or why it did not (time-out, refused, status).</summary>
public sealed record LookupAnswer(bool Ok, string Text);

/// <summary>
/// Runs a tenant's configured lookups: GET on the URL with each parameter filled in (escaped), the secret in its
/// header, within the lookup's timeout. The host is checked again before each call; redirects are never followed (the
/// client does not follow them, and a 3xx is reported, not read); the answer is cut to <see cref="MaxChars"/>. Only
/// the lookup's name, host, status and time are logged.
/// </summary>
public sealed partial class LookupClient(IHttpClientFactory clients, IOptions<ActionsOptions> options, TimeProvider time, ILogger<LookupClient> logger)
{
    public const string HttpClientName = "lookups";
    public const int MaxChars = 2_000;

    /// <summary>The lookup's parameters found in <paramref name="text"/>; null when one is missing.</summary>
    public static IReadOnlyDictionary<string, string>? FindParameters(LookupOptions lookup, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, pattern) in lookup.Parameters)
        {
            var match = Regex.Match(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            if (!match.Success)
            {
                return null;
            }
            values[name] = match.Value;
        }
        return values;
    }

    public static Uri UrlOf(LookupOptions lookup, IReadOnlyDictionary<string, string> parameters) =>
        new(LookupSettingsValidator.Placeholder().Replace(lookup.Url!, m => Uri.EscapeDataString(parameters.GetValueOrDefault(m.Groups[1].Value, ""))));

    public async Task<LookupAnswer> RunAsync(string tenant, string name, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var settings = options.Value.For(tenant);
        if (!settings.Lookups.TryGetValue(name, out var lookup) || !lookup.Parameters.Keys.All(parameters.ContainsKey))
        {
            return new(false, $"No lookup '{name}' with those parameters is configured.");
        }
        var url = UrlOf(lookup, parameters);
        if (!settings.AllowedHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            return new(false, $"The lookup '{name}' may not call {url.Host}.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lookup.SecretHeader is { } header)
        {
            request.Headers.TryAddWithoutValidation(header, lookup.Secret);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(lookup.TimeoutSeconds));
        var started = time.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            Log.Called(logger, tenant, name, url.Host, (int)response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                return new(false, $"The lookup '{name}' answered with a redirect ({(int)response.StatusCode}), which is not followed.");
            }
            if (!response.IsSuccessStatusCode)
            {
                return new(false, $"The lookup '{name}' failed: {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return new(true, text.Length > MaxChars ? text[..MaxChars] + " …" : text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TimedOut(logger, tenant, name, url.Host, lookup.TimeoutSeconds);
            return new(false, $"The lookup '{name}' did not answer within {lookup.TimeoutSeconds} s; nothing was changed.");
        }
        catch (HttpRequestException e)
        {
            Log.Unreachable(logger, tenant, name, url.Host, e.GetType().Name);
            return new(false, $"The lookup '{name}' could not be reached.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Lookup {Lookup} of tenant {Tenant} on {Host} answered {Status} in {Ms:0} ms")]
        public static partial void Called(ILogger logger, string tenant, string lookup, string host, int status, double ms);

        [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Lookup {Lookup} of tenant {Tenant} on {Host} timed out after {Seconds} s")]
        public static partial void TimedOut(ILogger logger, string tenant, string lookup, string host, int seconds);

        [LoggerMessage(EventId = 5303, Level = LogLevel.Warning, Message = "Lookup {Lookup} of tenant {Tenant} on {Host} could not be reached ({Error})")]
        public static partial void Unreachable(ILogger logger, string tenant, string lookup, string host, string error);
    }
}
