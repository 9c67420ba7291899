using System.Collections.Concurrent;
using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Copilot.Connectors.Models.Local;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Copilot.Api.ModelTasks;

/// <summary>
/// The model clients of each tenant, built once per tenant configuration. Null for a tenant that runs
/// offline: every feature then uses its offline provider.
/// </summary>
public sealed class TenantModels(ModelClientFactory factory, IOptions<KnowledgeOptions> knowledge)
{
    private readonly Lazy<TenantEmbedder?> _local = new(() =>
        knowledge.Value.OfflineEmbeddings && LocalEmbeddingModel.Get(knowledge.Value.OfflineModelSpec, knowledge.Value.OfflineModelQuantized) is { } model
            ? new TenantEmbedder(new LocalEmbeddingGenerator(model, knowledge.Value.OfflineMaxQueryTokensInForce), model.Model(knowledge.Value.VectorContextPassages),
                EnglishOnly: true, knowledge.Value.OfflineMinSimilarityInForce, knowledge.Value.VectorContextPassages, knowledge.Value.OfflineRankSimilarityInForce,
                knowledge.Value.KeywordWeightInForce, knowledge.Value.TitleSimilarityWeightInForce, model.Spec)
            : null);

    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>?> _measuring = new(() =>
        knowledge.Value.OfflineEmbeddings && LocalEmbeddingModel.Get(LocalModelSpec.ArcticXs, knowledge.Value.OfflineModelQuantized) is { } model
            ? new LocalEmbeddingGenerator(model)
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
            _ => (options, factory.CreateChatClient(tenant.Id, options)),
            (_, existing) => ReferenceEquals(existing.Options, options) ? existing : (options, factory.CreateChatClient(tenant.Id, options)));
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
            _ => (options, factory.CreateEmbeddingGenerator(tenant.Id, options)),
            (_, existing) => ReferenceEquals(existing.Options, options) ? existing : (options, factory.CreateEmbeddingGenerator(tenant.Id, options)));
        return entry.Generator;
    }

    /// <summary>
    /// The tenant's embedding model when its provider has one; otherwise the built-in English model
    /// (unless <see cref="KnowledgeOptions.OfflineEmbeddings"/> is off); null: keyword search only.
    /// </summary>
    public TenantEmbedder? Embedder(Tenant tenant) =>
        Embeddings(tenant) is { } provider
            ? new TenantEmbedder(provider, tenant.Options.Model.EmbeddingModel!, EnglishOnly: false, tenant.Options.Model.MinSimilarity,
                KeywordWeight: knowledge.Value.KeywordWeight ?? TenantEmbedder.ProviderKeywordWeight,
                TitleWeight: knowledge.Value.TitleSimilarityWeight ?? TenantEmbedder.ProviderTitleWeight)
            : _local.Value;

    /// <summary>
    /// Like <see cref="Embedder"/>, without loading the built-in model: <c>Loading</c> is true while it has
    /// not been loaded yet (the background embedding pass loads it), for status pages that must not wait.
    /// </summary>
    public (TenantEmbedder? Embedder, bool Loading) EmbedderIfLoaded(Tenant tenant) =>
        Embeddings(tenant) is not null || _local.IsValueCreated
            ? (Embedder(tenant), false)
            : (null, knowledge.Value.OfflineEmbeddings);

    /// <summary>The built-in English embedding model, whatever the tenant's provider; null when offline embeddings are off.</summary>
    public TenantEmbedder? BuiltIn => _local.Value;

    /// <summary>
    /// The model a replay measures a draft's cosine to the agent's reply with: arctic-embed-xs, whichever model the search
    /// reads, so the usefulness bands (calibrated on its scale, docs/replay.md) keep their meaning. Loaded on a replay's
    /// first use; null when offline embeddings are off.
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Measuring => _measuring.Value;

    public static string ProviderName(Tenant tenant) => tenant.Options.Model.Provider.ToLowerInvariant();
}
