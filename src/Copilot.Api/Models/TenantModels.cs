using System.Collections.Concurrent;
using Copilot.Api.Knowledge;
using Copilot.Api.Models.Retrieval;
using Copilot.Api.Telemetry;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Copilot.Connectors.Models.Local;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Models;

/// <summary>
/// The model clients of each tenant, built once per tenant configuration. Null for a tenant that runs
/// offline: every feature then uses its offline provider.
/// </summary>
public sealed class TenantModels(ModelClientFactory factory, IOptions<KnowledgeOptions> knowledge)
{
    private readonly Lazy<TenantEmbedder?> _local = new(() =>
        knowledge.Value.OfflineEmbeddings && LocalEmbeddingModel.Instance is { } model
            ? new TenantEmbedder(new LocalEmbeddingGenerator(model, knowledge.Value.OfflineMaxQueryTokens), LocalEmbeddingModel.Model(knowledge.Value.VectorContextPassages),
                EnglishOnly: true, knowledge.Value.OfflineMinSimilarity, knowledge.Value.VectorContextPassages)
            : null);

    private readonly ConcurrentDictionary<string, (ModelOptions Options, IChatClient Client)> _chat = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ModelOptions Options, IEmbeddingGenerator<string, Embedding<float>>? Generator)> _embeddings = new(StringComparer.Ordinal);

    public IChatClient? Chat(Tenant tenant)
    {
        var options = tenant.Options.Model;
        if (options.IsOffline)
        {
            return null;
        }
        var entry = _chat.AddOrUpdate(tenant.Id,
            _ => (options, Traced(factory.CreateChatClient(tenant.Id, options))),
            (_, existing) => ReferenceEquals(existing.Options, options) ? existing : (options, Traced(factory.CreateChatClient(tenant.Id, options))));
        return entry.Client;
    }

    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings(Tenant tenant)
    {
        var options = tenant.Options.Model;
        if (options.IsOffline)
        {
            return null;
        }
        var entry = _embeddings.AddOrUpdate(tenant.Id,
            _ => (options, Traced(factory.CreateEmbeddingGenerator(tenant.Id, options))),
            (_, existing) => ReferenceEquals(existing.Options, options) ? existing : (options, Traced(factory.CreateEmbeddingGenerator(tenant.Id, options))));
        return entry.Generator;
    }

    /// <summary>
    /// The tenant's embedding model when its provider has one; otherwise the built-in English model
    /// (unless <see cref="KnowledgeOptions.OfflineEmbeddings"/> is off); null: keyword search only.
    /// </summary>
    public TenantEmbedder? Embedder(Tenant tenant) =>
        Embeddings(tenant) is { } provider
            ? new TenantEmbedder(provider, tenant.Options.Model.EmbeddingModel!, EnglishOnly: false, tenant.Options.Model.MinSimilarity)
            : _local.Value;

    /// <summary>gen_ai spans and token-usage metrics per call (no prompt or answer text: sensitive data stays off).</summary>
    private static IChatClient Traced(IChatClient client) =>
        new ChatClientBuilder(client).UseOpenTelemetry(sourceName: CopilotTelemetry.ModelsName).Build();

    private static IEmbeddingGenerator<string, Embedding<float>>? Traced(IEmbeddingGenerator<string, Embedding<float>>? generator) =>
        generator is null ? null : new EmbeddingGeneratorBuilder<string, Embedding<float>>(generator).UseOpenTelemetry(sourceName: CopilotTelemetry.ModelsName).Build();

    public static string ProviderName(Tenant tenant) => tenant.Options.Model.Provider.ToLowerInvariant();
}
