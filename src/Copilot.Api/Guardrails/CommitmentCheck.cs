using System.Text.RegularExpressions;

namespace Copilot.Api.Guardrails;

public enum CommitmentKind
{
    Refund,
    Credit,
    Discount,
    Date,
    Exception,
}

/// <summary>A sentence of a draft that promises something no cited source backs.</summary>
public sealed record CommitmentFlag(CommitmentKind Kind, string Sentence, string Phrase);

/// <summary>
/// Flags promises of refunds, credits, discounts, dates and exceptions in a draft, unless a cited
/// source makes the same promise: a source mentioning the same kind of commitment backs refunds,
/// credits and exceptions; discounts and dates also need the same numbers ("14 days", "10 %"),
/// and a date without numbers ("by Friday") needs the same words. A negated source sentence
/// backs nothing.
/// </summary>
public static class CommitmentCheck
{
    private static readonly (CommitmentKind Kind, Func<Regex> Pattern)[] Patterns =
    [
        (CommitmentKind.Refund, CommitmentPatterns.Refund),
        (CommitmentKind.Credit, CommitmentPatterns.Credit),
        (CommitmentKind.Discount, CommitmentPatterns.Discount),
        (CommitmentKind.Date, CommitmentPatterns.Date),
        (CommitmentKind.Exception, CommitmentPatterns.Exception),
    ];

    public static IReadOnlyList<CommitmentFlag> Check(string draft, IEnumerable<string> citedSources)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(citedSources);
        var sourceSentences = citedSources.Where(s => !string.IsNullOrWhiteSpace(s)).SelectMany(Sentences).ToList();
        var flags = new List<CommitmentFlag>();
        foreach (var sentence in Sentences(draft))
        {
            foreach (var (kind, pattern) in Patterns)
            {
                var phrase = pattern().Match(sentence);
                if (phrase.Success && !Supported(kind, Signature(kind, sentence, phrase.Value), pattern(), sourceSentences))
                {
                    flags.Add(new CommitmentFlag(kind, sentence, phrase.Value));
                }
            }
        }
        return flags;
    }

    /// <summary>Splits on sentence ends and line breaks; empty pieces are dropped.</summary>
    public static IEnumerable<string> Sentences(string text) =>
        CommitmentPatterns.SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static bool Supported(CommitmentKind kind, string signature, Regex pattern, List<string> sourceSentences)
    {
        foreach (var sentence in sourceSentences)
        {
            // "We do not refund opened items" mentions refunds but backs no refund.
            if (CommitmentPatterns.Negation().IsMatch(sentence))
            {
                continue;
            }
            for (var m = pattern.Match(sentence); m.Success; m = m.NextMatch())
            {
                if (string.Equals(signature, Signature(kind, sentence, m.Value), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>What two promises must share to be the same promise.</summary>
    private static string Signature(CommitmentKind kind, string sentence, string phrase) => kind switch
    {
        CommitmentKind.Discount => Numbers(CommitmentPatterns.Percent(), sentence),
        CommitmentKind.Date when CommitmentPatterns.Number().IsMatch(phrase) => Numbers(CommitmentPatterns.Number(), phrase),
        CommitmentKind.Date => Squash(phrase),
        _ => "",
    };

    private static string Numbers(Regex pattern, string text) =>
        string.Join(',', pattern.Matches(text).Select(m => CommitmentPatterns.Number().Match(m.Value).Value.TrimStart('0')).Order(StringComparer.Ordinal));

    private static string Squash(string phrase) => string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
