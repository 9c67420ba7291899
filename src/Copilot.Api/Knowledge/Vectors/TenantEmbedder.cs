using Copilot.Connectors.Models.Local;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// What embeds a tenant's passages and queries: its provider's embedding model, or the built-in
/// one. <see cref="Model"/> names the vectors in the store, so a change of model re-embeds.
/// </summary>
/// <param name="EnglishOnly">The model understands English only: other passages and queries keep keyword search.</param>
/// <param name="MinSimilarity">Cosine below which a neighbour is no match, on this model's scale.</param>
/// <param name="ContextPassages">Following passages of the same source embedded with each passage (its vector reads a longer stretch).</param>
/// <param name="RankFrom">
/// Cosine from which a neighbour's similarity counts in the ranking (a close call between two sources the keywords found, a
/// paraphrase they missed), when lower than <paramref name="MinSimilarity"/>; a source whose similarity is below
/// <paramref name="MinSimilarity"/> is then ranked but shown only if its keywords are relevant. Unset: the same floor.
/// </param>
/// <param name="KeywordWeight">Weight of the keyword score in the fusion (<see cref="KnowledgeOptions.KeywordWeight"/>).</param>
/// <param name="TitleWeight">Weight of title similarity in the fusion (<see cref="KnowledgeOptions.TitleSimilarityWeight"/>).</param>
/// <param name="BuiltIn">Which built-in model this is; null for a provider's.</param>
public sealed record TenantEmbedder(
    IEmbeddingGenerator<string, Embedding<float>> Generator,
    string Model,
    bool EnglishOnly,
    double MinSimilarity,
    int ContextPassages = 0,
    double? RankFrom = null,
    double KeywordWeight = TenantEmbedder.ProviderKeywordWeight,
    double TitleWeight = TenantEmbedder.ProviderTitleWeight,
    LocalModelSpec? BuiltIn = null)
{
    /// <summary>A provider model's fusion weights, unless the options set them.</summary>
    public const double ProviderKeywordWeight = 0.25, ProviderTitleWeight = 1.0;

    /// <summary>The floor the fusion measures similarity from (<see cref="RankFrom"/>, at most <see cref="MinSimilarity"/>).</summary>
    public double RankFloor => Math.Min(RankFrom ?? MinSimilarity, MinSimilarity);

    public bool Accepts(string? locale) =>
        !EnglishOnly || locale is null || locale.Equals("en", StringComparison.OrdinalIgnoreCase)
        || locale.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}
