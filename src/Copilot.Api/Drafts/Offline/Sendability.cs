using System.Text.RegularExpressions;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.Privacy;
using Copilot.Api.Threads;

namespace Copilot.Api.Drafts.Offline;

/// <summary>Whether a draft can go to the customer as it stands, and if not, why.</summary>
public sealed record SendabilityVerdict(bool Sendable, IReadOnlyList<string> Problems);

/// <summary>
/// Reads a draft as the customer would: it opens with a greeting, ends with one closing, is written in one
/// language (the customer's: greeting, every paragraph and closing) and one form of address (not German "Sie" in one
/// line and "du" in the next; likewise Dutch "u"/"je", Spanish "usted"/"tú", French "vous"/"tu", Italian "Lei"/"tu"), starts its answer at the start (not at
/// step 2 or mid-sentence), says nothing meant for agents, and has no raw template placeholder left
/// (<c>{{ticket.id}}</c>, <c>[EMAIL_1]</c>). Gaps marked for the agent (<c>[fill in: …]</c>) are not raw.
/// </summary>
public static partial class Sendability
{
    /// <summary>Paragraphs shorter than this are not given to the language detector: too few words to tell.</summary>
    private const int MinWordsToDetect = 8;

    public static SendabilityVerdict Check(string draft, string language, ILanguageDetector detector)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(detector);
        var problems = new List<string>();
        var lines = ThreadText.Normalize(draft).Split('\n').Select(l => l.TrimEnd()).ToList();
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first < 0)
        {
            return new SendabilityVerdict(false, ["empty"]);
        }
        var greeted = ThreadText.IsGreetingLine(lines[first]);
        if (!greeted)
        {
            problems.Add("no greeting");
        }
        var signOff = ThreadText.SignOffStart(lines);
        if (signOff < 0)
        {
            signOff = ValedictionStart(lines);
        }
        if (signOff < 0)
        {
            problems.Add("no closing");
        }
        var body = lines.Skip(greeted ? first + 1 : first).Take((signOff < 0 ? lines.Count : signOff) - (greeted ? first + 1 : first)).ToList();
        if (body.Any(l => ThreadText.IsClosingLine(l) && ThreadText.WordCount(l) <= 3))
        {
            problems.Add("more than one closing");
        }
        if (body.FirstOrDefault(l => l.Trim().Length > 0) is { } opening && TextBlocks.IsFragmentStart(opening.Trim()))
        {
            problems.Add($"starts mid-way: \"{ThreadText.Trim(opening.Trim(), 60)}\"");
        }
        if (Guidance.Split(string.Join('\n', body)).Guidance.FirstOrDefault() is { } guidance)
        {
            problems.Add($"agent-facing instruction: \"{ThreadText.Trim(guidance, 80)}\"");
        }
        // A template's, redaction's or a past reply's placeholder left as written.
        if (new[] { TemplatePlaceholder(), RedactionMap.Placeholder(), CaseDetails.Placeholder }.Select(p => p.Match(draft)).FirstOrDefault(m => m.Success) is { } raw)
        {
            problems.Add($"raw placeholder {raw.Value}");
        }
        var languages = Paragraphs(body, language).Select(p => detector.Detect(p)).Where(d => d.Confidence >= 0.3).Select(d => d.Code).Distinct().ToList();
        if (languages.Any(l => l != language))
        {
            problems.Add($"not all in {language}: {string.Join(", ", languages)}");
        }
        if (AddressForms.Count(string.Join('\n', body), language) is { Formal: > 0, Informal: > 0 })
        {
            problems.Add("mixes formal and informal address");
        }
        if (greeted && ForeignFixedWords(lines[first], language) || signOff >= 0 && ForeignFixedWords(lines[signOff], language))
        {
            problems.Add($"greeting or closing not in {language}");
        }
        return new SendabilityVerdict(problems.Count == 0, problems);
    }

    /// <summary>
    /// A team's own valediction and the name under it ("Happy riding,\nSofia Jansen", "Sorry for the trouble,\nSofia"), as a
    /// macro signs: a valediction (<see cref="ThreadText.IsValediction"/>), then a line of at most four words that ends no
    /// sentence; else -1.
    /// </summary>
    private static int ValedictionStart(List<string> lines)
    {
        var nonEmpty = Enumerable.Range(0, lines.Count).Where(i => lines[i].Trim().Length > 0).ToList();
        if (nonEmpty.Count < 3)
        {
            return -1;
        }
        var (valediction, name) = (lines[nonEmpty[^2]].Trim(), lines[nonEmpty[^1]].Trim());
        return ThreadText.IsValediction(valediction) && ThreadText.WordCount(name) <= 4 && !TextBlocks.EndsSentence(name) && !TextBlocks.IsListItem(name)
            ? nonEmpty[^2] : -1;
    }

    /// <summary>The body's paragraphs without the phrasebook's own words in this language, which are known, not detected.</summary>
    private static IEnumerable<string> Paragraphs(List<string> body, string language)
    {
        var known = Phrasebook.Variants(language).SelectMany(book => new[] { book.Thanks, book.ArticleIntro, book.HoldingAsk, book.HoldingAfter, book.HoldingLooking, book.Acknowledge, book.AcknowledgeNextStep,
            "- " + book.DetailOrder, "- " + book.DetailCharge, "- " + book.DetailDevice, "- " + book.DetailError, "- " + book.DetailWhat, "- " + book.DetailCode,
            book.SorryTrouble, book.SorryAgain });
        var text = string.Join('\n', body);
        foreach (var phrase in known)
        {
            text = text.Replace(phrase, "", StringComparison.Ordinal);
        }
        return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => UrlOrPlaceholder().Replace(p, " "))
            .Where(p => ThreadText.WordCount(p) >= MinWordsToDetect);
    }

    /// <summary>The greeting or closing is one the phrasebook writes in another language and not in this one.</summary>
    private static bool ForeignFixedWords(string line, string language)
    {
        var word = Regex.Match(line.Trim(), @"^[\p{L}]+").Value;
        if (word.Length == 0)
        {
            return false;
        }
        var mine = Phrasebook.For(language);
        bool Uses(Phrasebook b) => b.GreetingWithoutName.StartsWith(word, StringComparison.OrdinalIgnoreCase)
            || b.GreetingWithName.StartsWith(word, StringComparison.OrdinalIgnoreCase) || b.Closing.StartsWith(word, StringComparison.OrdinalIgnoreCase);
        return !Uses(mine) && Phrasebook.Languages.Any(l => l != mine.Language && Uses(Phrasebook.For(l)));
    }

    [GeneratedRegex(@"\{\{[^}]*\}\}|\{%[^%]*%\}|\$\{[^}]*\}|%\{[^}]*\}")]
    private static partial Regex TemplatePlaceholder();

    [GeneratedRegex(@"https?://\S+|\[[^\]]*\]")]
    private static partial Regex UrlOrPlaceholder();
}
