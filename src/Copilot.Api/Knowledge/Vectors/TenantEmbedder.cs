using Microsoft.Extensions.AI;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// What embeds a tenant's passages and queries: its provider's embedding model, or the built-in
/// one. <see cref="Model"/> names the vectors in the store, so a change of model re-embeds.
/// </summary>
/// <param name="EnglishOnly">The model understands English only: other passages and queries keep keyword search.</param>
/// <param name="MinSimilarity">Cosine below which a neighbour is no match, on this model's scale.</param>
/// <param name="ContextPassages">Following passages of the same source embedded with each passage (its vector reads a longer stretch).</param>
public sealed record TenantEmbedder(
    IEmbeddingGenerator<string, Embedding<float>> Generator,
    string Model,
    bool EnglishOnly,
    double MinSimilarity,
    int ContextPassages = 0)
{
    public bool Accepts(string? locale) =>
        !EnglishOnly || locale is null || locale.Equals("en", StringComparison.OrdinalIgnoreCase)
        || locale.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}
