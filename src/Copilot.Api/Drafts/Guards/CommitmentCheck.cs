using System.Text.RegularExpressions;

namespace Copilot.Api.Drafts.Guards;

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
/// credits and exceptions; discounts and deadlines also need the same numbers ("14 days", "10 %"),
/// a deadline without numbers ("by Friday") needs the same words, and an absolute date ("28 November",
/// "2026-11-28", "28.11.2026") needs the same day and month (and year, when both name one). Every date
/// in a sentence must be backed ("by Friday 28 November" needs both). A negated source sentence backs nothing.
/// </summary>
public static class CommitmentCheck
{
    /// <summary>Dates are found by <see cref="CommitmentDates"/>: a sentence can hold several, each compared on its own terms.</summary>
    private static readonly (CommitmentKind Kind, Func<Regex>? Pattern)[] Patterns =
    [
        (CommitmentKind.Refund, CommitmentPatterns.Refund),
        (CommitmentKind.Credit, CommitmentPatterns.Credit),
        (CommitmentKind.Discount, CommitmentPatterns.Discount),
        (CommitmentKind.Date, null),
        (CommitmentKind.Exception, CommitmentPatterns.Exception),
    ];

    public static IReadOnlyList<CommitmentFlag> Check(string draft, IEnumerable<string> citedSources)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(citedSources);
        var sourceSentences = citedSources.Where(s => !string.IsNullOrWhiteSpace(s)).SelectMany(Sentences).ToList();
        // "We do not refund opened items" mentions refunds but backs no refund.
        var backing = sourceSentences.Where(s => !CommitmentPatterns.Negation().IsMatch(s)).ToList();
        var sourceDates = new Lazy<List<DateMention>>(() => backing.SelectMany(CommitmentDates.Find).ToList());
        var flags = new List<CommitmentFlag>();
        foreach (var sentence in Sentences(draft))
        {
            foreach (var (kind, pattern) in Patterns)
            {
                if (pattern is null)
                {
                    var dates = CommitmentDates.Find(sentence);
                    if (dates.FirstOrDefault(d => !sourceDates.Value.Any(d.IsBackedBy)) is { } date)
                    {
                        flags.Add(new CommitmentFlag(kind, sentence, CommitmentDates.Phrase(sentence, dates, date)));
                    }
                    continue;
                }
                var phrase = pattern().Match(sentence);
                if (phrase.Success && !Supported(kind, Signature(kind, sentence), pattern(), backing))
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
            for (var m = pattern.Match(sentence); m.Success; m = m.NextMatch())
            {
                if (string.Equals(signature, Signature(kind, sentence), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>What two promises must share to be the same promise.</summary>
    private static string Signature(CommitmentKind kind, string sentence) => kind switch
    {
        CommitmentKind.Discount => Numbers(CommitmentPatterns.Percent(), sentence),
        _ => "",
    };

    private static string Numbers(Regex pattern, string text) =>
        string.Join(',', pattern.Matches(text).Select(m => CommitmentPatterns.Number().Match(m.Value).Value.TrimStart('0')).Order(StringComparer.Ordinal));
}
