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
/// and a date without numbers ("by Friday") needs the same words.
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
        var sources = citedSources.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        var flags = new List<CommitmentFlag>();
        foreach (var sentence in Sentences(draft))
        {
            foreach (var (kind, pattern) in Patterns)
            {
                var phrase = pattern().Match(sentence);
                if (phrase.Success && !Supported(kind, phrase.Value, pattern(), sources))
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

    private static bool Supported(CommitmentKind kind, string phrase, Regex pattern, List<string> sources)
    {
        var numbers = Numbers(phrase);
        foreach (var source in sources)
        {
            for (var m = pattern.Match(source); m.Success; m = m.NextMatch())
            {
                var backed = kind switch
                {
                    CommitmentKind.Refund or CommitmentKind.Credit or CommitmentKind.Exception => true,
                    _ when numbers.Count > 0 => numbers.SetEquals(Numbers(m.Value)),
                    _ => string.Equals(Squash(m.Value), Squash(phrase), StringComparison.OrdinalIgnoreCase),
                };
                if (backed)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static HashSet<string> Numbers(string phrase) =>
        [.. CommitmentPatterns.Number().Matches(phrase).Select(m => m.Value.TrimStart('0'))];

    private static string Squash(string phrase) => string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
