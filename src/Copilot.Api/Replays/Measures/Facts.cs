using System.Globalization;
using System.Text.RegularExpressions;
using Copilot.Api.Drafts.Guards;

namespace Copilot.Api.Replays.Measures;

public enum FactKind { Amount, Date, Step, Link }

/// <summary>One fact an agent's reply gave: an amount, a date or deadline, a step of a procedure, a link.</summary>
public sealed record Fact(FactKind Kind, string Text);

/// <summary>
/// The facts of an agent's reply, and which of them a draft also gives. An amount is found when the draft names the same
/// number (currency signs, thousands separators and trailing zeros aside); a date when the draft names the same day, or
/// the same deadline (<see cref="CommitmentDates"/>); a link when the draft holds the same address (case, a trailing slash
/// and punctuation aside); a step — a numbered or bulleted line — when the draft holds at least
/// <see cref="StepRecall"/> of its words.
/// </summary>
public static partial class Facts
{
    public const double StepRecall = 0.6;

    public static IReadOnlyList<Fact> Of(string reply)
    {
        var facts = new List<Fact>();
        facts.AddRange(Amounts(reply).Distinct().Select(a => new Fact(FactKind.Amount, a)));
        facts.AddRange(CommitmentDates.Find(reply).Select(d => new Fact(FactKind.Date, d.Phrase)).DistinctBy(f => f.Text.ToLowerInvariant()));
        facts.AddRange(Steps(reply).Select(s => new Fact(FactKind.Step, s)));
        facts.AddRange(Links(reply).Distinct().Select(l => new Fact(FactKind.Link, l)));
        return facts;
    }

    /// <summary>The facts of <paramref name="facts"/> that <paramref name="draft"/> also gives.</summary>
    public static IReadOnlyList<Fact> FoundIn(IReadOnlyList<Fact> facts, string draft)
    {
        var amounts = Amounts(draft).Select(Number).ToHashSet();
        var dates = CommitmentDates.Find(draft);
        var links = Links(draft).ToHashSet(StringComparer.Ordinal);
        var words = Rouge.Tokens(draft).ToHashSet(StringComparer.Ordinal);
        return facts.Where(f => f.Kind switch
        {
            FactKind.Amount => amounts.Contains(Number(f.Text)),
            FactKind.Date => CommitmentDates.Find(f.Text).Any(mention => dates.Any(d => d.IsBackedBy(mention))),
            FactKind.Link => links.Contains(f.Text),
            _ => Rouge.Tokens(f.Text) is { Count: > 0 } step && step.Count(words.Contains) >= StepRecall * step.Count,
        }).ToList();
    }

    private static IEnumerable<string> Amounts(string text) => Amount().Matches(text).Select(m => m.Value.Trim());

    /// <summary>"$1,250.00" and "1250 USD" are the same amount: the number alone, without trailing zeros.</summary>
    private static string Number(string amount)
    {
        var digits = Digits().Match(amount).Value.Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("0.##", CultureInfo.InvariantCulture) + (amount.Contains('%', StringComparison.Ordinal) ? "%" : "")
            : digits;
    }

    private static IEnumerable<string> Steps(string text) =>
        text.Split('\n').Select(l => StepLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["step"].Value.Trim()).Where(s => s.Length > 0);

    private static IEnumerable<string> Links(string text) =>
        Link().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')', ';', ':', '!', '?').TrimEnd('/').ToLowerInvariant());

    [GeneratedRegex(@"(?:[$€£]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|dollars?|euros?|pounds?)\b|\b\d+(?:\.\d+)?\s?%)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\s*(?:\d{1,2}[.)]|[-*•]|step\s+\d+[:.)]?)\s+(?<step>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepLine();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
