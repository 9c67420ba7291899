using Copilot.Api.Threads;

namespace Copilot.Api.Ask.Offline;

/// <summary>
/// How much of the question a sentence answers, by its words: each question term weighs its rarity among the candidate
/// sentences (a term every sentence holds says nothing; one no sentence holds still counts against every sentence, so
/// a question about something the sources never mention is not answered by what they do mention). The question's own
/// terms weigh in full, a follow-up's earlier questions half; a term found only in the sentence's heading counts half,
/// only in its source's title a third.
/// </summary>
public static class SentenceScores
{
    public const double ContextWeight = 0.5;
    public const double HeadingShare = 0.5;
    public const double TitleShare = 1.0 / 3;

    /// <summary>A short line (a heading, or a list item) says less than a sentence with the same words.</summary>
    public const double ShortLineShare = 0.8;

    /// <summary>
    /// Past replies weigh less than the team's articles, documents and macros: they answered one customer, and what
    /// they tell of that case ("I've refunded…") is not policy.
    /// </summary>
    public const double PastReplyShare = 0.8;

    /// <returns>Per candidate, 0..1: the weighted share of the question's terms it covers; 0 when the sentence itself holds none.</returns>
    public static double[] Coverage(AskQuestion question, IReadOnlyList<CandidateSentence> candidates, IReadOnlyList<string> titles, IReadOnlyList<bool>? pastReplies = null)
    {
        var weights = Weights(question, candidates);
        var total = weights.Values.Sum();
        var titleTerms = titles.Select(t => ThreadText.Terms(t).ToHashSet(StringComparer.Ordinal)).ToList();
        var scores = new double[candidates.Count];
        if (total <= 0)
        {
            return scores;
        }
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (!weights.Keys.Any(c.Terms.Contains))
            {
                continue;
            }
            var covered = 0.0;
            foreach (var (term, weight) in weights)
            {
                covered += c.Terms.Contains(term) ? weight
                    : c.HeadingTerms.Contains(term) ? weight * HeadingShare
                    : titleTerms[c.Source].Contains(term) ? weight * TitleShare
                    : 0;
            }
            scores[i] = covered / total * (c.Short ? ShortLineShare : 1) * (pastReplies?[c.Source] == true ? PastReplyShare : 1);
        }
        return scores;
    }

    private static Dictionary<string, double> Weights(AskQuestion question, IReadOnlyList<CandidateSentence> candidates)
    {
        var n = Math.Max(1, candidates.Count);
        double Rarity(string term) => Math.Log(1 + n / (1.0 + candidates.Count(c => c.Terms.Contains(term) || c.HeadingTerms.Contains(term))));
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in question.Terms)
        {
            weights[term] = Rarity(term);
        }
        foreach (var term in question.ContextTerms)
        {
            weights.TryAdd(term, Rarity(term) * ContextWeight);
        }
        return weights;
    }
}
