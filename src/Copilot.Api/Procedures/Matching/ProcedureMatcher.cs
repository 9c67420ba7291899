using System.Numerics.Tensors;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.Procedures.Matching;

/// <summary>
/// Finds the one procedure that applies to a ticket. The only procedure written for the ticket's intent applies as it
/// is. When the intent is unknown ("other"), has no procedure, or several procedures for it compete, the thread is
/// compared with each candidate's title and steps — by meaning with the tenant's embedding model (when it reads the
/// ticket's language) and by words — and the best is taken with its score. A procedure of another intent must also be
/// close enough (<see cref="IsClose"/>) and ahead of the runner-up by <see cref="MinLead"/>: otherwise nothing is shown, rather than the least bad or a guess between two.
/// </summary>
public sealed partial class ProcedureMatcher(ProcedureStore store, TenantModels models, QueryVectors queryVectors, ProcedureVectors vectors,
    ILogger<ProcedureMatcher> logger)
{
    /// <summary>Weight of the words' similarity in the score (the rest is the embedding's).</summary>
    public const double WordWeight = 0.5;

    /// <summary>
    /// How far ahead of the runner-up a procedure found without its intent must score (on the 0..1 blend of words and
    /// meaning) to be shown: less is a tie between two procedures, not a match. Measured on ABCD with each chat's own
    /// procedure retired (anything shown is wrong): half this lead showed a wrong procedure far more often than it found
    /// one more right.
    /// </summary>
    public const double MinLead = 0.02;

    /// <summary>Least word similarity of a procedure found without its intent, when no embedding model reads the ticket.</summary>
    public const double MinWordSimilarity = 0.2;

    /// <param name="threadQuery">What the thread asks (<see cref="Knowledge.ThreadQuery"/>): its subject and the customer's informative turns.</param>
    public async Task<ProcedureMatch?> MatchAsync(Tenant tenant, string intent, string threadQuery, string language, CancellationToken cancellationToken)
    {
        var all = await store.CurrentAsync(tenant.Id, cancellationToken);
        if (all.Count == 0)
        {
            return null;
        }
        var known = intent != Assist.RetrievedIntent.Other;
        var ofIntent = known ? all.Where(p => p.Intent == intent).ToList() : [];
        if (ofIntent.Count == 1)
        {
            return new ProcedureMatch(ofIntent[0], 1, MatchedBy.Intent);
        }
        var candidates = ofIntent.Count > 1 ? ofIntent : all.ToList();
        var words = ProcedureWords.Similarities(threadQuery, candidates, all);
        var meanings = await MeaningsAsync(tenant, threadQuery, language, candidates, cancellationToken);
        var ranked = Enumerable.Range(0, candidates.Count)
            .Select(i => (Index: i, Score: meanings is null ? words[i] : WordWeight * words[i] + (1 - WordWeight) * meanings.Value.Similarities[i]))
            .OrderByDescending(x => x.Score).ThenBy(x => candidates[x.Index].Id, StringComparer.Ordinal).Take(2).ToList();
        var best = ranked[0];
        // The intent vouches for its own procedures; one of another intent must be close on its own, and clearly the
        // closest: two procedures the thread is nearly as close to are a guess between them, so neither is shown.
        var close = ofIntent.Count > 1 || IsClose(words[best.Index], meanings is { } m ? m.Similarities[best.Index] : null, meanings?.Floor)
            && (ranked.Count < 2 || best.Score - ranked[1].Score >= MinLead);
        return close ? new ProcedureMatch(candidates[best.Index], Math.Round(best.Score, 3), MatchedBy.Similarity) : null;
    }

    /// <summary>Close enough to show without the intent: the embedding model's own similarity floor, or (without one) enough shared words.</summary>
    public static bool IsClose(double words, double? meaning, double? floor) =>
        meaning is { } m && floor is { } f ? m >= f : words >= MinWordSimilarity;

    private async Task<(IReadOnlyList<double> Similarities, double Floor)?> MeaningsAsync(
        Tenant tenant, string threadQuery, string language, IReadOnlyList<Procedure> candidates, CancellationToken cancellationToken)
    {
        if (models.Embedder(tenant) is not { } embedder || !embedder.Accepts(language) || threadQuery.Length == 0)
        {
            return null;
        }
        try
        {
            var query = await queryVectors.GetAsync(embedder, threadQuery, cancellationToken);
            // The title says what a procedure is for; its steps, how (steps many procedures share): both count alike.
            var whole = await vectors.GetAsync(embedder, tenant.Id, candidates, title: false, cancellationToken);
            var titles = await vectors.GetAsync(embedder, tenant.Id, candidates, title: true, cancellationToken);
            double Cosine(float[] v) => v.Length == query.Length ? TensorPrimitives.CosineSimilarity(query, v) : 0;
            return (whole.Zip(titles, (w, t) => (Cosine(w) + Cosine(t)) / 2).ToList(), embedder.MinSimilarity);
        }
        catch (ModelException e)
        {
            Log.WordsOnly(logger, tenant.Id, e.Failure);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 8501, Level = LogLevel.Warning, Message = "Procedure embeddings failed for tenant {Tenant} ({Failure}); procedures are matched by words only")]
        public static partial void WordsOnly(ILogger logger, string tenant, ModelFailure failure);
    }
}
