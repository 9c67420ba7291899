using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.Intents;

/// <summary>
/// Sentence embeddings for intent learning, from the built-in English model only: it runs in process, so embedding
/// every example at each retrain costs no money and sends nothing anywhere (a provider's embeddings would bill each
/// retrain). Examples and tickets are embedded as the knowledge search embeds its queries — the same instruction and
/// token budget, and for a ticket the same text (<see cref="ThreadQuery"/>), so the assist's search and its intent share
/// one embedding (<see cref="QueryVectors"/>). Text in another language than the model's gets none: its intent comes
/// from its words alone.
/// </summary>
public sealed class IntentVectors(TenantModels models, QueryVectors queries, ILanguageDetector languages)
{
    /// <summary>Examples embedded per call while training.</summary>
    public const int Batch = 64;

    /// <summary>The model intents of this tenant are embedded with; null: words only.</summary>
    public TenantEmbedder? For(Tenant tenant) =>
        models.Embedder(tenant) is { } embedder && ReferenceEquals(embedder, models.BuiltIn) ? embedder : null;

    /// <summary>The examples with each gist's embedding (<see cref="LabelledText.GistEmbedding"/>), the gists read as English.</summary>
    public async Task<List<LabelledText>> EmbedGistsAsync(TenantEmbedder embedder, List<LabelledText> examples, CancellationToken cancellationToken)
    {
        var at = Enumerable.Range(0, examples.Count).Where(i => examples[i].Gist is not null).ToList();
        if (at.Count == 0)
        {
            return examples;
        }
        var embedded = await ExamplesAsync(embedder, at.Select(i => examples[i].Gist!).ToList(), at.Select(_ => "en").ToList(), cancellationToken);
        var result = examples.ToList();
        for (var k = 0; k < at.Count; k++)
        {
            result[at[k]] = result[at[k]] with { GistEmbedding = embedded[k] };
        }
        return result;
    }

    /// <summary>Each example's embedding in order, null for one the model cannot read.</summary>
    public Task<float[]?[]> ExamplesAsync(TenantEmbedder embedder, IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        ExamplesAsync(embedder, texts, texts.Select(t => languages.Detect(t).Code).ToList(), cancellationToken);

    /// <summary>As above, with each example's language already detected (<paramref name="languages"/>, in order).</summary>
    public async Task<float[]?[]> ExamplesAsync(TenantEmbedder embedder, IReadOnlyList<string> texts, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        var vectors = new float[]?[texts.Count];
        var readable = Enumerable.Range(0, texts.Count).Where(i => embedder.Accepts(languages[i])).ToList();
        foreach (var chunk in readable.Chunk(Batch))
        {
            var embedded = await embedder.Generator.GenerateAsync(chunk.Select(i => texts[i]), EmbeddingPurpose.Query, cancellationToken);
            for (var k = 0; k < chunk.Length; k++)
            {
                vectors[chunk[k]] = embedded[k].Vector.ToArray();
            }
        }
        return vectors;
    }

    /// <summary>
    /// The ticket's embedding as the knowledge search made it (or makes it now) from the same query text
    /// (<see cref="ThreadQuery"/>), judged readable by the same language the search was given; null when the model cannot
    /// read the ticket.
    /// </summary>
    public async Task<float[]?> QueryAsync(TenantEmbedder embedder, string text, string language, CancellationToken cancellationToken)
    {
        if (text.Length == 0 || !embedder.Accepts(language))
        {
            return null;
        }
        try
        {
            return await queries.GetAsync(embedder, text, cancellationToken);
        }
        catch (ModelException)
        {
            return null;
        }
    }
}
