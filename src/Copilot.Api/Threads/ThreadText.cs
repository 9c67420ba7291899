using System.Text.RegularExpressions;
using Copilot.Api.Boundaries;
using Copilot.Api.Languages;

namespace Copilot.Api.Threads;

/// <summary>
/// Turns an email-shaped comment into the words its author actually wrote: quoted earlier
/// emails, signatures, "Sent from my iPhone" and greeting/closing lines are cut, because
/// they would otherwise dominate extractive scoring.
/// </summary>
internal static partial class ThreadText
{
    /// <summary>
    /// The comment without quotes, signature, greeting and closing, and without what it addresses to an AI assistant
    /// (<see cref="AddressedToAi"/>) unless <paramref name="keepAddressedToAi"/>: the boundary rules read that too.
    /// </summary>
    public static string Clean(string text, bool keepAddressedToAi = false)
    {
        var lines = LeadingMentions().Replace(Normalize(text).TrimStart(), "").Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (QuoteHeader().IsMatch(line) || line.TrimStart().StartsWith("-----", StringComparison.Ordinal) || line.TrimStart().StartsWith("_____", StringComparison.Ordinal) || line == "--" || line == "-- ")
            {
                break; // everything below is an earlier email or a signature
            }
            if (SentFrom().IsMatch(line))
            {
                break;
            }
            if (line.TrimStart().StartsWith('>'))
            {
                continue;
            }
            kept.Add(line);
        }
        CutClosing(kept);
        DropGreeting(kept);
        var clean = SocialParts.WithoutMarks(string.Join('\n', kept).Trim()).Trim();
        return keepAddressedToAi ? clean : AddressedToAi.Without(clean).Trim();
    }

    /// <summary>Straight quotes and \n line ends, so phrase lists need one spelling.</summary>
    public static string Normalize(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u00A0', ' ');

    /// <summary>Sentences (and list items / lines) of a cleaned text, as written.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var result = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var start = 0;
            foreach (var end in SentenceEnd().EnumerateMatches(line))
            {
                // "Dr. Weber", "Art. 15 DSGVO": not an end.
                if (line[end.Index - 1] == '.' && Abbreviations.Before(line, end.Index - 1))
                {
                    continue;
                }
                Add(line[start..end.Index]);
                start = end.Index + end.Length;
            }
            Add(line[start..]);
        }
        return result;

        void Add(string part)
        {
            var s = part.Trim();
            if (s.Length > 0)
            {
                result.Add(s);
            }
        }
    }

    /// <summary>Lower-case content words, crudely stemmed (a 6-letter prefix) so "restarted" meets "restart".</summary>
    public static IEnumerable<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var m in Word().EnumerateMatches(text))
        {
            if (m.Length < 3)
            {
                continue;
            }
            var w = text.Substring(m.Index, m.Length).ToLowerInvariant();
            if (LanguageProfiles.IsStopWord(w))
            {
                continue;
            }
            w = w.Replace("-", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
            terms.Add(w.Length > 6 ? w[..6] : w);
        }
        return terms;
    }

    public static int WordCount(string text) => Word().Count(text);

    /// <summary>The words of a text, as written.</summary>
    public static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    /// <summary>At most <paramref name="max"/> characters, cut at a word and marked with an ellipsis.</summary>
    public static string Trim(string sentence, int max = 200)
    {
        if (sentence.Length <= max)
        {
            return sentence;
        }
        var cut = sentence.LastIndexOf(' ', max - 1);
        return sentence[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    public static bool IsGreetingLine(string line)
    {
        var t = line.Trim();
        return t.Length > 0 && WordCount(t) <= 6 && Greeting().IsMatch(t) && !t.Contains('?');
    }

    public static bool IsClosingLine(string line) => Closing().IsMatch(line.Trim());

    /// <summary>
    /// A closing as a team writes its own above the name: a known closing ("Best regards,") or a short line that ends in a
    /// comma and is no list item ("Happy riding,", "Sorry for the trouble,").
    /// </summary>
    public static bool IsValediction(string line)
    {
        var trimmed = line.Trim();
        return IsClosingLine(trimmed)
            || trimmed.EndsWith(',') && WordCount(trimmed) <= MaxValedictionWords && !Knowledge.TextBlocks.IsListItem(trimmed);
    }

    private const int MaxValedictionWords = 6;

    private static void CutClosing(List<string> lines)
    {
        var start = SignOffStart(lines);
        if (start >= 0)
        {
            lines.RemoveRange(start, lines.Count - start);
        }
    }

    /// <summary>
    /// Index of the line that starts the sign-off ("Best regards," followed only by short lines:
    /// a name, a title, a phone number), or -1. "Thanks!" followed by a real sentence is not one.
    /// </summary>
    public static int SignOffStart(IReadOnlyList<string> lines)
    {
        var nonEmpty = Enumerable.Range(0, lines.Count).Where(i => lines[i].Trim().Length > 0).ToList();
        foreach (var i in nonEmpty.TakeLast(6))
        {
            if (IsClosingLine(lines[i]) && nonEmpty.Where(j => j > i).All(j => WordCount(lines[j]) <= 6 && !lines[j].TrimEnd().EndsWith('?')))
            {
                return i;
            }
        }
        return -1;
    }

    private static void DropGreeting(List<string> lines)
    {
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first < 0 || !Greeting().IsMatch(lines[first].Trim()))
        {
            return;
        }
        var line = lines[first].Trim();
        var comma = line.IndexOfAny([',', '!', ':']);
        if (IsGreetingLine(line) && (comma < 0 || comma == line.Length - 1))
        {
            lines.RemoveAt(first);
        }
        else if (comma > 0 && WordCount(line[..comma]) <= 4)
        {
            lines[first] = line[(comma + 1)..].Trim(); // "Hi team, my Bridge…" keeps "my Bridge…"
        }
    }

    [GeneratedRegex(@"^\s*(On\s.{3,200}\swrote:|Am\s.{3,200}\sschrieb.{0,100}:|Le\s.{3,200}\sa\s[ée]crit\s?:|El\s.{3,200}\sescribi[óo]:|Op\s.{3,200}\sschreef.{0,100}:|Em\s.{3,200}\sescreveu:|Il\s.{3,200}\sha\sscritto:|From:\s.+|Von:\s.+|De\s?:\s.+@.+|Van:\s.+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"^\s*(Sent from my\b|Get Outlook for\b|Von meinem .{1,30} gesendet|Gesendet von meinem\b|Envoy[ée] de mon\b|Enviado desde mi\b|Verzonden (vanaf|met) mijn\b|Enviado do meu\b|Inviato da(l mio)?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SentFrom();

    [GeneratedRegex(@"^(hi|hello|hey|dear|to whom it may concern|a quien corresponda|[àa] qui de droit|a quem possa interessar|good (morning|afternoon|evening)|hallo|hi there|liebe[rs]?|sehr geehrte[rs]?|guten (tag|morgen|abend)|moin|servus|bonjour|bonsoir|salut|cher|ch[èe]re|madame|monsieur|hola|buen[oa]s (d[íi]as|tardes|noches)|estimad[oa]s?|hoi|beste|geachte|goedemorgen|goedemiddag|ol[áa]|oi|bom dia|boa tarde|boa noite|prezad[oa]s?|caro|cara|ciao|buongiorno|buonasera|gentile|salve)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(best( regards| wishes)?|kind regards|regards|warm regards|take care|all the best|many thanks|thanks( so much| again| in advance)?|thank you( so much| in advance)?|cheers|sincerely|yours( sincerely| truly)?|mit freundlichen gr[üu](ß|ss)en|freundliche gr[üu](ß|ss)e|viele gr[üu](ß|ss)e|alles gute|beste gr[üu](ß|ss)e|liebe gr[üu](ß|ss)e|lg|vg|gru(ß|ss)|danke( im voraus| sch[öo]n)?|cordialement|bonne journ[ée]e|bien [àa] vous|bien cordialement|merci( d'avance| beaucoup)?|salutations|sinc[èe]rement|(un )?saludo(s)?|atentamente|un abrazo|gracias( de antemano)?|met vriendelijke groet(en)?|vriendelijke groet(en)?|groet(jes|en)?|bedankt|alvast bedankt|atenciosamente|cumprimentos|com os melhores cumprimentos|abra[çc]os?|obrigad[oa]|cordiali saluti|distinti saluti|saluti|grazie( mille)?|a presto)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Closing();

    /// <summary>
    /// A sentence ends at ".", "!", "?" or "…" before a capital, but not at a German ordinal date ("am 28. September", "zum
    /// 3. Mal"); <see cref="Sentences"/> also keeps an abbreviation's full stop (<see cref="Abbreviations"/>).
    /// </summary>
    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[\p{Lu}\p{N}""'¿¡(])(?!(?<=(?<![\d.])\d{1,2}\.\s+)(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Mal)\b)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();

    /// <summary>"@Support @12345 my order…": the addressees a social-media message starts with.</summary>
    [GeneratedRegex(@"^(?:@\w+[\s,:]*)+")]
    internal static partial Regex LeadingMentions();
}
