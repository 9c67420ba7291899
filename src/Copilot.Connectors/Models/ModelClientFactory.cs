using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Polly;
using Polly.CircuitBreaker;

namespace Copilot.Connectors.Models;

/// <summary>
/// Builds a tenant's chat client and embedding generator for its provider: the OpenAI SDK's clients
/// (Azure OpenAI's through <c>Azure.AI.OpenAI</c>, with a key or Microsoft Entra ID) behind
/// Microsoft.Extensions.AI's adapters, OpenTelemetry, and <see cref="ModelCallChatClient"/> /
/// <see cref="ModelCallEmbeddingGenerator"/> for deadlines, retries and the breaker. The SDK's own retries
/// are off; the circuit breaker is kept per tenant and provider for the factory's lifetime (register the
/// factory as a singleton).
/// </summary>
public sealed class ModelClientFactory(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, TokenCredential? azureCredential = null)
{
    /// <summary>The ActivitySource and Meter name of model calls (spans with token counts, operation durations).</summary>
    public const string TelemetrySource = "Copilot.Models";

    private readonly ConcurrentDictionary<(string Tenant, string Provider), (ResiliencePipeline Pipeline, CircuitBreakerStateProvider Breaker)> _pipelines = new();
    private readonly ILoggerFactory _loggers = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Copilot.Connectors.Models");
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public IChatClient CreateChatClient(string tenantId, ModelOptions options)
    {
        var (client, policy) = Prepare(tenantId, options);
        var model = options.ChatModel ?? throw new InvalidOperationException($"Tenant {tenantId} has no chat model configured.");
        return new ChatClientBuilder(client.GetChatClient(model).AsIChatClient())
            .UseOpenTelemetry(_loggers, TelemetrySource)
            .Use(inner => new ModelCallChatClient(inner, policy))
            .Build();
    }

    /// <summary>Null when the tenant has no embedding model: retrieval then runs on keywords alone.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? CreateEmbeddingGenerator(string tenantId, ModelOptions options)
    {
        if (options.IsOffline || string.IsNullOrWhiteSpace(options.EmbeddingModel))
        {
            return null;
        }
        var (client, policy) = Prepare(tenantId, options);
        return new EmbeddingGeneratorBuilder<string, Embedding<float>>(client.GetEmbeddingClient(options.EmbeddingModel).AsIEmbeddingGenerator(options.EmbeddingDimensions))
            .UseOpenTelemetry(_loggers, TelemetrySource)
            .Use(inner => new ModelCallEmbeddingGenerator(inner, policy))
            .Build();
    }

    /// <summary>The circuit breaker of each tenant and provider a client was built for, as it stands now.</summary>
    public IReadOnlyList<ModelBreakerState> Breakers() =>
        [.. _pipelines.Select(p => new ModelBreakerState(p.Key.Tenant, p.Key.Provider, p.Value.Breaker.CircuitState switch
        {
            CircuitState.Closed => "closed",
            CircuitState.Open => "open",
            CircuitState.HalfOpen => "half-open",
            _ => "isolated",
        }))];

    private (OpenAIClient Client, ModelCallPolicy Policy) Prepare(string tenantId, ModelOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (options.IsOffline)
        {
            throw new InvalidOperationException($"Tenant {tenantId} runs offline; there is no model client.");
        }
        var errors = options.Validate("Model");
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Tenant {tenantId} has an invalid model configuration: {string.Join(" ", errors)}");
        }
        var provider = options.Provider.ToLowerInvariant();
        var limits = ModelCallLimits.From(options);
        var (pipeline, _) = _pipelines.GetOrAdd((tenantId, provider), _ =>
        {
            var breaker = new CircuitBreakerStateProvider();
            return (ModelCallPipeline.Build(options, _logger, _time, breaker), breaker);
        });
        var policy = new ModelCallPolicy(provider, limits, pipeline, options.ApiKey, _time);
        // A backstop only: our own deadlines (per call, per attempt, per stream chunk) fire first and name the cause.
        var networkTimeout = limits.Attempt + TimeSpan.FromSeconds(5);
        if (provider == ModelProviders.AzureOpenAI)
        {
            var azure = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = networkTimeout };
            var resource = options.AzureResourceEndpoint();
            return (options.UsesEntraId
                ? new AzureOpenAIClient(resource, azureCredential ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions
                {
                    ManagedIdentityClientId = options.ManagedIdentityClientId,
                    ExcludeInteractiveBrowserCredential = true,
                }), azure)
                : new AzureOpenAIClient(resource, new ApiKeyCredential(options.ApiKey!), azure), policy);
        }
        var sdk = new OpenAIClientOptions
        {
            Endpoint = options.ResolveEndpoint(),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = networkTimeout,
        };
        return (new OpenAIClient(new ApiKeyCredential(options.ApiKey!), sdk), policy);
    }
}

/// <summary>A breaker's state: closed (calls flow), open (calls refused until it half-opens), half-open (one trial call) or isolated.</summary>
public sealed record ModelBreakerState(string Tenant, string Provider, string State)
{
    public bool CallsRefused => State is "open" or "isolated";
}
