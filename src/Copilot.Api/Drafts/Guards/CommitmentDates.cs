using System.Globalization;
using System.Text.RegularExpressions;

namespace Copilot.Api.Drafts.Guards;

/// <summary>A day a date phrase can mean; <see cref="Year"/> is null when the phrase names none.</summary>
public readonly record struct DateReading(int Day, int Month, int? Year);

/// <summary>
/// A date or deadline in a sentence. Relative deadlines ("by Friday", "within 3 days") are compared by
/// their numbers, or their words when they have none; absolute dates ("28 November", "2026-12-01",
/// "01/12/2026") by the days they can mean — a slashed or dashed date whose order is unclear can mean two.
/// </summary>
public sealed record DateMention(int Index, string Phrase, string? Relative, IReadOnlyList<DateReading> Readings)
{
    /// <summary>Whether a source's mention makes the same promise as this one.</summary>
    public bool IsBackedBy(DateMention source) => Relative is not null
        ? source.Relative is not null && string.Equals(Relative, source.Relative, StringComparison.OrdinalIgnoreCase)
        : Readings.Any(r => source.Readings.Any(s => s.Day == r.Day && s.Month == r.Month && (s.Year is null || r.Year is null || s.Year == r.Year)));
}

public static class CommitmentDates
{
    /// <summary>Every relative deadline and absolute date in <paramref name="sentence"/>, in order.</summary>
    public static IReadOnlyList<DateMention> Find(string sentence)
    {
        var found = new List<DateMention>();
        foreach (Match m in CommitmentPatterns.Date().Matches(sentence))
        {
            found.Add(new DateMention(m.Index, m.Value, RelativeSignature(m.Value), []));
        }
        foreach (Match m in CommitmentPatterns.AbsoluteDate().Matches(sentence))
        {
            if (Readings(m) is { Count: > 0 } readings)
            {
                found.Add(new DateMention(m.Index, m.Value, null, readings));
            }
        }
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>
    /// The phrase to show for <paramref name="mention"/>: with the mentions right beside it, so
    /// "by Friday 28 November" is reported whole, whichever part of it is unbacked.
    /// </summary>
    public static string Phrase(string sentence, IReadOnlyList<DateMention> mentions, DateMention mention)
    {
        var i = mentions.ToList().IndexOf(mention);
        int first = i, last = i;
        while (first > 0 && Adjacent(sentence, mentions[first - 1], mentions[first]))
        {
            first--;
        }
        while (last < mentions.Count - 1 && Adjacent(sentence, mentions[last], mentions[last + 1]))
        {
            last++;
        }
        var start = mentions[first].Index;
        var end = mentions.Skip(first).Take(last - first + 1).Max(m => m.Index + m.Phrase.Length);
        return sentence[start..end];
    }

    private static bool Adjacent(string sentence, DateMention a, DateMention b)
    {
        var end = a.Index + a.Phrase.Length;
        return b.Index >= end && b.Index - end <= 3 && sentence.AsSpan(end, b.Index - end).Trim(" ,").IsEmpty;
    }

    /// <summary>"within 3 days" and "within 14 days" are different promises; "by Friday" is its words.</summary>
    private static string RelativeSignature(string phrase) => CommitmentPatterns.Number().IsMatch(phrase)
        ? string.Join(',', CommitmentPatterns.Number().Matches(phrase).Select(n => n.Value.TrimStart('0')).Order(StringComparer.Ordinal))
        : string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The days an absolute date can mean; empty when it names no real day ("45 November").</summary>
    internal static IReadOnlyList<DateReading> Readings(Match m)
    {
        var g = m.Groups;
        var candidates = new List<DateReading>();
        if (g["mon"].Success && g["mon"].Value == "may")
        {
            // "Items 1 and 2 may arrive separately": lower-case "may" is the verb; the month is written "May".
        }
        else if (g["mon"].Success && MonthNames.TryGetValue(g["mon"].Value, out var month))
        {
            candidates.Add(new DateReading(Int(g["d"]), month, g["y"].Success ? Int(g["y"]) : null));
        }
        else if (g["iy"].Success)
        {
            candidates.Add(new DateReading(Int(g["id"]), Int(g["im"]), Int(g["iy"])));
        }
        else if (g["a"].Success)
        {
            var a = Int(g["a"]);
            var b = Int(g["b"]);
            int? year = g["ny"].Success ? Int(g["ny"]) is var y && y < 100 ? 2000 + y : y : null;
            candidates.Add(new DateReading(a, b, year));
            // Dots are day-first everywhere; a slash or dash may be month-first (US).
            if (g["sep"].Value != "." && a != b)
            {
                candidates.Add(new DateReading(b, a, year));
            }
        }
        return candidates.Where(Valid).ToList();
    }

    private static bool Valid(DateReading r) =>
        r.Month is >= 1 and <= 12 && r.Day >= 1 && r.Day <= DateTime.DaysInMonth(r.Year is >= 1 and <= 9999 ? r.Year.Value : 2024, r.Month);

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Month names and common abbreviations in English, German, French, Spanish, Dutch, Portuguese and Italian.</summary>
    internal static readonly IReadOnlyDictionary<string, int> MonthNames = Build(
        ["january", "jan", "januar", "jänner", "janvier", "enero", "januari", "janeiro", "gennaio"],
        ["february", "feb", "februar", "février", "fevrier", "febrero", "februari", "fevereiro", "febbraio"],
        ["march", "mar", "märz", "maerz", "mars", "marzo", "maart", "março"],
        ["april", "apr", "avril", "abril", "aprile"],
        ["may", "mai", "mayo", "mei", "maio", "maggio"],
        ["june", "jun", "juni", "juin", "junio", "junho", "giugno"],
        ["july", "jul", "juli", "juillet", "julio", "julho", "luglio"],
        ["august", "aug", "août", "aout", "agosto", "augustus"],
        ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre"],
        ["october", "oct", "oktober", "octobre", "octubre", "outubro", "ottobre", "okt"],
        ["november", "nov", "novembre", "noviembre", "novembro"],
        ["december", "dec", "dezember", "décembre", "decembre", "diciembre", "dezembro", "dicembre", "dez"]);

    private static Dictionary<string, int> Build(params string[][] months)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < months.Length; i++)
        {
            foreach (var name in months[i])
            {
                names[name] = i + 1;
            }
        }
        return names;
    }
}
