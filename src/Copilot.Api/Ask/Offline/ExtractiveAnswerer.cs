using System.Numerics.Tensors;
using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Ask.Offline;

/// <summary>What one source contributes to an offline answer: the sentences quoted from it, in the source's order.</summary>
public sealed record QuotedSource(KnowledgeHit Source, IReadOnlyList<string> Sentences);

/// <summary>The quotes (null: nothing answers the question) and the question's words no quoted source mentions.</summary>
public sealed record ExtractiveResult(IReadOnlyList<QuotedSource>? Quotes, IReadOnlyList<string> NotCovered);

/// <summary>
/// The offline answer: not a written answer but the sentences of the retrieved sources that answer the question,
/// quoted with their sources. Sentences are scored by the question's words (<see cref="SentenceScores"/>) and, when the
/// tenant has an embedding model that reads the question's language, by their similarity to the question (the best few
/// by words are embedded, one batch). At most <see cref="AskOptions.QuotedSentences"/> sentences from at most two
/// sources; none good enough: null, and the copilot says it does not know.
/// </summary>
public sealed partial class ExtractiveAnswerer(TenantModels models, QueryVectors queryVectors, IOptions<AskOptions> options, ILogger<ExtractiveAnswerer> logger)
{
    /// <summary>Share of the question's weighted terms a sentence must cover on words alone.</summary>
    public const double MinCoverage = 0.34;

    /// <summary>Sentences (best by words) compared with the question by the embedding model.</summary>
    public const int EmbeddedCandidates = 12;

    public const double WordWeight = 0.6;
    public const int MaxSources = 2;

    /// <summary>A second source is quoted only when its best sentence scores at least this share of the best one's.</summary>
    public const double SecondSourceShare = 0.6;

    public async Task<ExtractiveResult> AnswerAsync(
        Tenant tenant, AskQuestion question, string language, IReadOnlyList<(KnowledgeHit Hit, string Text)> sources, CancellationToken cancellationToken)
    {
        var candidates = CandidateSentences.Of(sources);
        var coverage = SentenceScores.Coverage(question, candidates, sources.Select(s => s.Hit.Title).ToList(),
            sources.Select(s => s.Hit.Kind == SourceKind.PastReply).ToList());
        var scores = (double[])coverage.Clone();
        var accepted = coverage.Select(c => c >= MinCoverage).ToArray();
        if (models.Embedder(tenant) is { } embedder && embedder.Accepts(language))
        {
            await AddSimilarityAsync(tenant, embedder, question, candidates, coverage, scores, accepted, cancellationToken);
        }
        var ranked = Enumerable.Range(0, candidates.Count).Where(i => accepted[i] && coverage[i] > 0)
            .OrderByDescending(i => scores[i]).ThenBy(i => candidates[i].Source).ThenBy(i => candidates[i].Position).ToList();
        if (ranked.Count == 0)
        {
            return new ExtractiveResult(null, []);
        }
        var best = scores[ranked[0]];
        var chosen = new List<int>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in ranked)
        {
            var c = candidates[i];
            var sourcesSoFar = chosen.Select(j => candidates[j].Source).Distinct().ToList();
            var newSource = !sourcesSoFar.Contains(c.Source);
            if (chosen.Count >= options.Value.QuotedSentences || (newSource && (sourcesSoFar.Count >= MaxSources || scores[i] < best * SecondSourceShare)) || !seen.Add(c.Text))
            {
                continue;
            }
            chosen.Add(i);
        }
        var quoted = chosen.Select(i => candidates[i].Source).Distinct().ToHashSet();
        var quotes = chosen.GroupBy(i => candidates[i].Source)
            .OrderBy(g => chosen.IndexOf(g.First()))
            .Select(g => new QuotedSource(sources[g.Key].Hit, g.OrderBy(i => candidates[i].Position).Select(i => candidates[i].Text).ToList()))
            .ToList();
        return new ExtractiveResult(quotes, NotCovered(question, candidates.Where(c => quoted.Contains(c.Source)), quotes.Select(q => q.Source.Title)));
    }

    /// <summary>The question's own words that no quoted source mentions anywhere ("refurbished"): the quotes may not be about them.</summary>
    private static IReadOnlyList<string> NotCovered(AskQuestion question, IEnumerable<CandidateSentence> quotedSources, IEnumerable<string> titles)
    {
        var held = quotedSources.SelectMany(c => c.Terms.Concat(c.HeadingTerms)).Concat(titles.SelectMany(Threads.ThreadText.Terms)).ToHashSet(StringComparer.Ordinal);
        return Threads.ThreadText.Words(question.Text)
            .Where(w => !AskQuestion.IsGeneric(w) && Threads.ThreadText.Terms(w).FirstOrDefault() is { } term && !held.Contains(term))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }


    /// <summary>Blends in the embedding model's similarity for the best candidates by words; a sentence close enough to the question is accepted on fewer words.</summary>
    private async Task AddSimilarityAsync(Tenant tenant, TenantEmbedder embedder, AskQuestion question, IReadOnlyList<CandidateSentence> candidates,
        double[] coverage, double[] scores, bool[] accepted, CancellationToken cancellationToken)
    {
        var top = Enumerable.Range(0, candidates.Count).Where(i => coverage[i] > 0).OrderByDescending(i => coverage[i]).Take(EmbeddedCandidates).ToList();
        if (top.Count == 0)
        {
            return;
        }
        try
        {
            var questionVector = await queryVectors.GetAsync(embedder, question.SearchText, cancellationToken);
            var vectors = await embedder.Generator.GenerateAsync(top.Select(i => candidates[i].Text), cancellationToken: cancellationToken);
            for (var k = 0; k < top.Count; k++)
            {
                var i = top[k];
                var similarity = TensorPrimitives.CosineSimilarity(questionVector, vectors[k].Vector.Span);
                scores[i] = WordWeight * coverage[i] + (1 - WordWeight) * similarity;
                accepted[i] |= similarity >= embedder.MinSimilarity && coverage[i] >= MinCoverage / 2;
            }
        }
        catch (ModelException e)
        {
            Log.WordsOnly(logger, tenant.Id, e.Failure);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "Sentence embeddings failed for tenant {Tenant} ({Failure}); the offline answer is picked by words only")]
        public static partial void WordsOnly(ILogger logger, string tenant, ModelFailure failure);
    }
}
