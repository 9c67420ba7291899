using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.CrossLanguage;
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

    /// <summary>Held-out examples given a gist to calibrate on, at most (spread over them all).</summary>
    public const int MaxGists = 400;

    /// <summary>
    /// The examples, the English ones <see cref="IntentClassifier.Train"/> will hold out (up to <see cref="MaxGists"/>) with
    /// their gist (<see cref="EnglishGist"/>) and its embedding when <paramref name="embedder"/> is given: what the model's
    /// confidence in a ticket read through the glossary is fitted on.
    /// </summary>
    /// <param name="languages">Each example's detected language, in order.</param>
    public static async Task<List<LabelledText>> WithGistsAsync(IntentVectors? vectors, TenantEmbedder? embedder, List<LabelledText> examples,
        IReadOnlyList<string> languages, IntentTrainingOptions options, CancellationToken cancellationToken)
    {
        var candidates = IntentClassifier.HeldOut(examples, options).Where(i => languages[i] == "en")
            .Select(i => (Index: i, Gist: EnglishGist.Of(examples[i].Text))).Where(p => p.Gist is not null).ToList();
        var chosen = candidates.Count <= MaxGists ? candidates
            : Enumerable.Range(0, MaxGists).Select(k => candidates[(int)((long)k * candidates.Count / MaxGists)]).ToList();
        if (chosen.Count == 0)
        {
            return examples;
        }
        var embedded = vectors is not null && embedder is not null
            ? await vectors.ExamplesAsync(embedder, chosen.Select(p => p.Gist!).ToList(), chosen.Select(_ => "en").ToList(), cancellationToken)
            : new float[]?[chosen.Count];
        var result = examples.ToList();
        for (var k = 0; k < chosen.Count; k++)
        {
            result[chosen[k].Index] = result[chosen[k].Index] with { Gist = chosen[k].Gist, GistEmbedding = embedded[k] };
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
