using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using Polly;
using Polly.CircuitBreaker;

namespace Copilot.Connectors.Models;

/// <summary>
/// Builds a tenant's chat client and embedding generator for its provider. The SDK's own retries are
/// off; <see cref="ModelCallPolicy"/> retries instead, and its circuit breaker is kept per tenant and
/// provider for the factory's lifetime (register the factory as a singleton).
/// </summary>
public sealed class ModelClientFactory(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
{
    private readonly ConcurrentDictionary<(string Tenant, string Provider), (ResiliencePipeline Pipeline, CircuitBreakerStateProvider Breaker)> _pipelines = new();
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Copilot.Connectors.Models");
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public IChatClient CreateChatClient(string tenantId, ModelOptions options)
    {
        var (endpoint, policy, sdkOptions, credential) = Prepare(tenantId, options);
        var model = options.ChatModel ?? throw new InvalidOperationException($"Tenant {tenantId} has no chat model configured.");
        return new OpenAIChatClientAdapter(new ChatClient(model, credential, sdkOptions), policy, endpoint, model);
    }

    /// <summary>Null when the tenant has no embedding model: retrieval then runs on keywords alone.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? CreateEmbeddingGenerator(string tenantId, ModelOptions options)
    {
        if (options.IsOffline || string.IsNullOrWhiteSpace(options.EmbeddingModel))
        {
            return null;
        }
        var (endpoint, policy, sdkOptions, credential) = Prepare(tenantId, options);
        return new OpenAIEmbeddingGeneratorAdapter(
            new EmbeddingClient(options.EmbeddingModel, credential, sdkOptions), policy, endpoint, options.EmbeddingModel, options.EmbeddingDimensions);
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

    private (Uri Endpoint, ModelCallPolicy Policy, OpenAIClientOptions Sdk, ApiKeyCredential Credential) Prepare(string tenantId, ModelOptions options)
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
        var endpoint = options.ResolveEndpoint();
        var limits = ModelCallLimits.From(options);
        var sdk = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(0),
            // A backstop only: our own deadlines (per call, per attempt, per stream chunk) fire first and name the cause.
            NetworkTimeout = limits.Attempt + TimeSpan.FromSeconds(5),
        };
        if (provider == ModelProviders.AzureOpenAI)
        {
            sdk.AddPolicy(new ApiKeyHeaderPolicy(options.ApiKey!), PipelinePosition.PerTry);
        }
        var (pipeline, _) = _pipelines.GetOrAdd((tenantId, provider), _ =>
        {
            var breaker = new CircuitBreakerStateProvider();
            return (ModelCallPipeline.Build(options, _logger, _time, breaker), breaker);
        });
        var policy = new ModelCallPolicy(provider, limits, pipeline, options.ApiKey, _time);
        return (endpoint, policy, sdk, new ApiKeyCredential(options.ApiKey!));
    }
}

/// <summary>A breaker's state: closed (calls flow), open (calls refused until it half-opens), half-open (one trial call) or isolated.</summary>
public sealed record ModelBreakerState(string Tenant, string Provider, string State)
{
    public bool CallsRefused => State is "open" or "isolated";
}
