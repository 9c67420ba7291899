using System.Text;
using System.Text.RegularExpressions;
using Copilot.Api.Drafts.Guards;
using Copilot.Api.Knowledge;

namespace Copilot.Api.Privacy;

/// <summary>A text with its case specifics replaced by placeholders, and how many were replaced.</summary>
public sealed record ScrubbedText(string Text, int Replaced)
{
    /// <summary>Nothing was specific to the case it came from.</summary>
    public bool Untouched => Replaced == 0;
}

/// <summary>
/// Removes what belongs to one customer's case from a text that will be reused for others (a solved
/// ticket's reply indexed as a past reply): the names of the people on the ticket and anyone greeted
/// by name, usernames, passwords and codes, emails, phones, cards, IBANs and addresses (through
/// <see cref="PiiScanner"/>), order, account and tracking numbers, amounts, dates, and links that
/// carry a token. Each becomes a marked placeholder such as <c>[name]</c> or <c>[order number]</c>.
/// It over-removes on purpose: a past reply is a hint for an agent, and a lost model number costs
/// less than another customer's password.
/// </summary>
public static class CaseDetails
{
    /// <summary>
    /// The revision of what this class finds. Raise it when it learns to find more: a start then reads every tenant's
    /// solved tickets again (<see cref="Knowledge.PastRepliesScrubbedAgain"/>), so replies indexed before are scrubbed by
    /// the new rules too. 2: postcodes, IP addresses, codes in capitals, card endings, keys and tokens, a password
    /// straight after its cue. 3: national identity numbers, IPv6 addresses, post office boxes, streets written in lower case.
    /// 4: the surname after a title, in a greeting or anywhere ("Dear Mr. Johnson", "Hallo Frau Müller", "I spoke to Mrs.
    /// Patel"), and a greeted name's second word.
    /// </summary>
    public const int Revision = 4;

    /// <summary>What each placeholder this class writes says, between its brackets: <c>[name]</c>, <c>[order number]</c>…</summary>
    public static IReadOnlyList<string> Labels { get; } =
        ["name", "username", "password", "code", "email", "phone", "card number", "IBAN", "address", "IP address", "ID number", "order number", "amount", "date", "link"];

    /// <summary>Every placeholder this class writes.</summary>
    public static readonly Regex Placeholder = new(@"\[(" + string.Join('|', Labels.Select(Regex.Escape)) + @")\]", RegexOptions.CultureInvariant);

    /// <param name="people">Names known from the ticket (requester, agents); each word of a name is removed wherever it stands.</param>
    public static ScrubbedText Scrub(string text, IEnumerable<string> people)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int Start, int Length, string Label)>();
        // Credentials are labelled below, a username apart from a password or a code.
        var found = PiiScanner.Scan(text);
        foreach (var s in found.Where(s => s.Kind is not null and not PiiKind.Secret))
        {
            spans.Add((s.Start, s.Length, Label(s.Kind!.Value)));
        }
        AddLinks(text, spans);
        foreach (Match m in CaseDetailPatterns.SecretBeforeCue().Matches(text))
        {
            Add(spans, m.Groups["v"], m.Groups["user"].Success ? "username" : "password");
        }
        foreach (Match m in CaseDetailPatterns.SecretAfterCue().Matches(text))
        {
            if (NamesValue(text, m))
            {
                Add(spans, m.Groups["v"], m.Groups["user"].Success ? "username"
                    : m.Groups["key"].Success || m.Groups["pw"].Value.Contains("code", StringComparison.OrdinalIgnoreCase) ? "code" : "password");
            }
        }
        foreach (var s in found.Where(s => s.Kind is PiiKind.Secret))
        {
            Add(spans, s.Start, s.Length, "code"); // a card's security code
        }
        foreach (Match m in CaseDetailPatterns.CardEnding().Matches(text))
        {
            Add(spans, m.Groups["v"], "card number");
        }
        foreach (Match m in CommitmentPatterns.AbsoluteDate().Matches(text))
        {
            Add(spans, m, "date");
        }
        foreach (Match m in CaseDetailPatterns.Amount().Matches(text))
        {
            Add(spans, m, "amount");
        }
        foreach (Match m in CaseDetailPatterns.ReferenceNumber().Matches(text))
        {
            Add(spans, m, "order number");
        }
        foreach (Match m in CaseDetailPatterns.InterleavedCode().Matches(text))
        {
            Add(spans, m, "code");
        }
        foreach (Match m in CaseDetailPatterns.MixedToken().Matches(text))
        {
            if (!CaseDetailPatterns.Quantity().IsMatch(m.Value))
            {
                Add(spans, m, "code");
            }
        }
        AddNames(text, people, spans);
        return Replace(text, spans);
    }

    private static void AddLinks(string text, List<(int, int, string)> spans)
    {
        foreach (Match m in CaseDetailPatterns.Link().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?');
            if (CaseDetailPatterns.LinkToken().IsMatch(url))
            {
                Add(spans, m.Index, url.Length, "link");
            }
            else
            {
                Add(spans, m.Index, url.Length, ""); // a plain link stays as written, and nothing inside it is taken for a code
            }
        }
    }

    private static void AddNames(string text, IEnumerable<string> people, List<(int, int, string)> spans)
    {
        var words = people.SelectMany(p => (p ?? "").Split([' ', '\t', ',', '.'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 2 && w.Any(char.IsLetter))
            .Select(w => w.Trim('\'', '"', '(', ')'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        // A whole name is a name wherever it stands, even one that opens with a common word ("Grace Okafor, Flat 3…").
        foreach (var person in people.Where(p => p is not null && p.Trim().Contains(' ')).Select(p => p!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var whole = new Regex(@"(?<![\p{L}\p{N}])" + string.Join(@"\s+", person.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)) + @"(?![\p{L}\p{N}])",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
            foreach (Match m in whole.Matches(text))
            {
                Add(spans, m, "name");
            }
        }
        foreach (var word in words)
        {
            // A name that is also a common word ("May", "Will") is taken only where it is capitalised inside a sentence.
            var common = IsCommonWord(word);
            var pattern = new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(word) + @"(?![\p{L}\p{N}])", common ? RegexOptions.CultureInvariant : RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
            foreach (Match m in pattern.Matches(text))
            {
                if (!common || (char.IsUpper(m.Value[0]) && !SentenceStart(text, m.Index)))
                {
                    Add(spans, m, "name");
                }
            }
        }
        foreach (Match m in CaseDetailPatterns.GreetedName().Matches(text))
        {
            // "Dear Sir", "Hi Team": no one's name. After a name, a common word is where the sentence goes on ("Hi Emily Thanks…").
            if (IsCommonWord(m.Groups["v"].Value))
            {
                continue;
            }
            Add(spans, m.Groups["v"], "name");
            if (m.Groups["w"].Success && !IsCommonWord(m.Groups["w"].Value))
            {
                Add(spans, m.Groups["w"], "name");
            }
        }
        foreach (Match m in CaseDetailPatterns.TitledName().Matches(text))
        {
            if (char.IsUpper(m.Groups["v"].Value[0]) && !IsCommonWord(m.Groups["v"].Value))
            {
                Add(spans, m.Groups["v"], "name");
            }
        }
    }

    /// <summary>
    /// Whether a match of <see cref="CaseDetailPatterns.SecretAfterCue"/> names a value. "The code is valid for 7 days" names
    /// no code: a value is taken when it holds a digit or is set off by a colon; one straight after its cue ("password
    /// reset", "code 10 minutes") only when it holds a digit and is not short.
    /// </summary>
    internal static bool NamesValue(string text, Match cue)
    {
        var value = cue.Groups["v"].Value;
        return !IsErrorCode(text, cue) && (cue.Groups["bare"].Success
            ? value.Length >= 4 && value.Any(char.IsDigit) && !CaseDetailPatterns.Quantity().IsMatch(value)
            : value.Any(char.IsDigit) || cue.Groups["colon"].Success || ((cue.Groups["user"].Success || cue.Groups["key"].Success) && !IsCommonWord(value)));
    }

    /// <summary>"error code 0x80070005" names a fault every customer may meet, not a credential.</summary>
    private static bool IsErrorCode(string text, Match cue) =>
        cue.Groups["pw"].Value.Equals("code", StringComparison.OrdinalIgnoreCase)
        && CaseDetailPatterns.FaultBefore().IsMatch(text.AsSpan(Math.Max(0, cue.Index - 8), Math.Min(8, cue.Index)));

    private static bool SentenceStart(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '"' or '\'')
        {
            i--;
        }
        return i < 0 || text[i] is '.' or '!' or '?' or '\n' or ':';
    }

    private static bool IsCommonWord(string word)
    {
        var lower = word.ToLowerInvariant();
        return StopWords.All.Contains(lower) || CommonWords.Contains(lower);
    }

    /// <summary>Words a greeting or a credential cue is often followed by that name nobody.</summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "there", "everyone", "all", "again", "team", "folks", "guys", "customer", "valid", "invalid", "correct", "wrong", "incorrect",
        "expired", "required", "case", "sensitive", "below", "above", "attached", "sent", "needed", "changed", "reset", "same", "different",
        "new", "old", "not", "still", "now", "also", "already", "usually", "always", "never", "one", "two", "your", "the", "for", "support",
        "mark", "may", "will", "june", "april", "august", "grace", "joy", "hope", "faith", "bill", "sunny",
        "sir", "sirs", "madam", "madame", "monsieur", "damen", "herren", "kunde", "kundin", "client", "cliente", "klant", "i'm", "i've", "i'll", "i'd",
    };

    private static void Add(List<(int Start, int Length, string Label)> spans, Group g, string label) => Add(spans, g.Index, g.Length, label);

    private static void Add(List<(int Start, int Length, string Label)> spans, int start, int length, string label)
    {
        if (length <= 0 || spans.Any(s => start < s.Start + s.Length && s.Start < start + length))
        {
            return;
        }
        spans.Add((start, length, label));
    }

    private static ScrubbedText Replace(string text, List<(int Start, int Length, string Label)> spans)
    {
        var replaced = spans.Where(s => s.Label.Length > 0).OrderBy(s => s.Start).ToList();
        if (replaced.Count == 0)
        {
            return new ScrubbedText(text, 0);
        }
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, length, label) in replaced)
        {
            result.Append(text, at, start - at).Append('[').Append(label).Append(']');
            at = start + length;
        }
        result.Append(text, at, text.Length - at);
        return new ScrubbedText(result.ToString(), replaced.Count);
    }

    private static string Label(PiiKind kind) => kind switch
    {
        PiiKind.Email => "email",
        PiiKind.Phone => "phone",
        PiiKind.Card => "card number",
        PiiKind.Iban => "IBAN",
        PiiKind.IpAddress => "IP address",
        PiiKind.NationalId => "ID number",
        PiiKind.BirthDate => "date",
        _ => "address",
    };
}
