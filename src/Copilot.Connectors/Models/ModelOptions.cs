namespace Copilot.Connectors.Models;

/// <summary>Names of the supported model providers, as written in configuration.</summary>
public static class ModelProviders
{
    public const string Offline = "offline";
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azure-openai";
    public const string OpenAICompatible = "openai-compatible";

    public static readonly IReadOnlyList<string> All = [Offline, OpenAI, AzureOpenAI, OpenAICompatible];
}

/// <summary>How a tenant's model calls authenticate, as written in configuration.</summary>
public static class ModelAuthentication
{
    public const string ApiKey = "api-key";
    public const string EntraId = "entra-id";

    public static readonly IReadOnlyList<string> All = [ApiKey, EntraId];
}

/// <summary>A tenant's model: who serves it, how to reach it, how hard to try, and what it costs.</summary>
public sealed class ModelOptions
{
    public static readonly Uri DefaultOpenAIEndpoint = new("https://api.openai.com/v1");

    /// <summary><c>offline</c>, <c>openai</c>, <c>azure-openai</c> or <c>openai-compatible</c>.</summary>
    public string Provider { get; set; } = ModelProviders.Offline;

    /// <summary>
    /// Base URL the SDK appends <c>/chat/completions</c> to. Azure OpenAI: the resource's URL
    /// <c>https://{resource}.openai.azure.com/</c> (see <see cref="AzureResourceEndpoint"/>); OpenAI: defaults to <see cref="DefaultOpenAIEndpoint"/>;
    /// compatible servers (Ollama, vLLM): e.g. <c>http://localhost:11434/v1</c>.
    /// </summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>
    /// <c>api-key</c> (the default): <see cref="ApiKey"/> is sent. <c>entra-id</c> (Azure OpenAI only): a
    /// Microsoft Entra ID token is sent instead, from the environment, workload identity or managed
    /// identity (<c>DefaultAzureCredential</c>); no key in configuration.
    /// </summary>
    public string Authentication { get; set; } = ModelAuthentication.ApiKey;

    /// <summary>With <c>entra-id</c>: the client id of a user-assigned managed identity (unset: the system-assigned one).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The chat model; on Azure the deployment name.</summary>
    public string? ChatModel { get; set; }

    /// <summary>The embedding model (Azure: deployment); unset means no embeddings from this provider.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Requested vector length; unset takes the model's default.</summary>
    public int? EmbeddingDimensions { get; set; }

    /// <summary>
    /// Cosine below which a passage only vector search found is not a match at all (nearest is not
    /// the same as relevant). Depends on the embedding model: text-embedding-3 scores unrelated
    /// texts around 0.0–0.2; older models sit higher and need a higher floor.
    /// </summary>
    public double MinSimilarity { get; set; } = 0.25;

    /// <summary>Per attempt; for streams, the longest wait for the next chunk.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The whole call: every attempt, every wait between them and, for a stream, its last chunk. A
    /// Retry-After that would end past it is not waited for.
    /// </summary>
    public double CallDeadlineSeconds { get; set; } = 60;

    /// <summary>Attempts after the first on 408/429/5xx and broken connections.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base of the jittered exponential backoff when the provider gives no Retry-After.</summary>
    public double RetryBaseDelaySeconds { get; set; } = 1;

    /// <summary>A Retry-After longer than this is not waited for: the call fails at once.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 20;

    /// <summary>Failed calls needed in the sampling window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 5;

    /// <summary>Share of failed calls in the window that opens the breaker.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public double BreakerSamplingSeconds { get; set; } = 60;

    public double BreakDurationSeconds { get; set; } = 30;

    /// <summary>Prices per million tokens in <see cref="ModelPrices.Currency"/> (USD unless set); zero when unknown.</summary>
    public ModelPrices Prices { get; set; } = new();

    public bool IsOffline => string.Equals(Provider, ModelProviders.Offline, StringComparison.OrdinalIgnoreCase);

    public Uri ResolveEndpoint() => Endpoint is { Length: > 0 } e ? new Uri(e) : DefaultOpenAIEndpoint;

    public bool UsesEntraId => string.Equals(Authentication, ModelAuthentication.EntraId, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Azure OpenAI's resource URL (<c>https://{resource}.openai.azure.com/</c>), which the Azure client
    /// builds deployment paths on; a configured v1 URL (<c>…/openai/v1/</c>) is accepted and cut back to it.
    /// </summary>
    public Uri AzureResourceEndpoint()
    {
        var endpoint = ResolveEndpoint();
        var path = endpoint.AbsolutePath.TrimEnd('/');
        foreach (var suffix in new[] { "/openai/v1", "/openai" })
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                path = path[..^suffix.Length];
                break;
            }
        }
        return new UriBuilder(endpoint) { Path = path + "/", Query = "" }.Uri;
    }

    /// <summary>Configuration errors, each naming the key under <paramref name="section"/>. Empty when valid.</summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var errors = new List<string>();
        if (!ModelProviders.All.Contains(Provider, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{section}:Provider must be one of {string.Join(", ", ModelProviders.All)} (was '{Provider}').");
            return errors;
        }
        if (IsOffline)
        {
            return errors;
        }
        var azure = string.Equals(Provider, ModelProviders.AzureOpenAI, StringComparison.OrdinalIgnoreCase);
        if (azure || string.Equals(Provider, ModelProviders.OpenAICompatible, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(Endpoint))
            {
                errors.Add($"{section}:Endpoint is required for provider {Provider}.");
            }
        }
        if (Endpoint is { Length: > 0 } && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add($"{section}:Endpoint must be an absolute http(s) URL.");
        }
        if (!ModelAuthentication.All.Contains(Authentication, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{section}:Authentication must be one of {string.Join(", ", ModelAuthentication.All)} (was '{Authentication}').");
        }
        else if (UsesEntraId && !azure)
        {
            errors.Add($"{section}:Authentication entra-id needs provider {ModelProviders.AzureOpenAI}.");
        }
        if (string.IsNullOrWhiteSpace(ApiKey) && !UsesEntraId)
        {
            // Local servers ignore the key but the SDK refuses an empty one; say so instead of failing later.
            errors.Add($"{section}:ApiKey is required (use any placeholder for servers that ignore it).");
        }
        if (string.IsNullOrWhiteSpace(ChatModel))
        {
            errors.Add(azure ? $"{section}:ChatModel must name the Azure deployment." : $"{section}:ChatModel is required.");
        }
        if (EmbeddingDimensions is <= 0)
        {
            errors.Add($"{section}:EmbeddingDimensions must be positive.");
        }
        if (MinSimilarity is < -1 or > 1)
        {
            errors.Add($"{section}:MinSimilarity must be between -1 and 1.");
        }
        if (TimeoutSeconds <= 0)
        {
            errors.Add($"{section}:TimeoutSeconds must be positive.");
        }
        if (CallDeadlineSeconds < TimeoutSeconds)
        {
            errors.Add($"{section}:CallDeadlineSeconds must be at least TimeoutSeconds ({TimeoutSeconds} s).");
        }
        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"{section}:MaxRetries must be between 0 and 10.");
        }
        if (BreakerMinimumThroughput < 2 || BreakerFailureRatio is <= 0 or > 1 || BreakDurationSeconds < 0.5 || BreakerSamplingSeconds < 0.5)
        {
            errors.Add($"{section}:Breaker settings need MinimumThroughput >= 2, 0 < FailureRatio <= 1, durations >= 0.5 s.");
        }
        if (Prices.InputPerMillionTokens < 0 || Prices.OutputPerMillionTokens < 0 || Prices.EmbeddingPerMillionTokens < 0)
        {
            errors.Add($"{section}:Prices must not be negative.");
        }
        if (Prices.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add($"{section}:Prices:Currency must be an ISO 4217 code such as USD or EUR (was '{Prices.Currency}').");
        }
        return errors;
    }

    public override string ToString() => $"{Provider} {ChatModel} at {Endpoint ?? DefaultOpenAIEndpoint.ToString()}";
}
