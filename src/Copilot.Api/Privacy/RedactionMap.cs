using System.Text.RegularExpressions;

namespace Copilot.Api.Privacy;

public enum PiiKind
{
    Email,
    Phone,
    Card,
    Iban,
    Address,

    /// <summary>An IPv4 address (one with an octet of 10 or more: "1.2.3.4" is more often a version) or an IPv6 address.</summary>
    IpAddress,

    /// <summary>
    /// A national identity number: a US social security number ("123-45-6789"), a UK National Insurance number ("QQ 12 34 56 C"),
    /// or the number of an identity document named before it ("SSN 123456789", "passport number X12345678", "licence plate 7ABC123").
    /// </summary>
    NationalId,

    /// <summary>
    /// A credential the text names: a password, passcode, PIN, one-time, verification or security code, a card's CVV, a
    /// licence or API key, a token ("my password is Hunter2!x", "the code is 482913", "CVV 123").
    /// </summary>
    Secret,

    /// <summary>A date of birth ("DOB 04/12/1988", "born on March 3, 1985").</summary>
    BirthDate,

    /// <summary>A name the helpdesk gave for the ticket's customer (requester, customers who wrote in the thread).</summary>
    Name,
}

/// <summary>
/// Placeholders handed out while redacting, and the values they stand for. One map per ticket:
/// the same value gets the same placeholder in every comment, and <see cref="Restore"/> puts the
/// values back into what the model wrote. Holds customer data: never log it, never persist it.
/// </summary>
public sealed partial class RedactionMap
{
    private readonly Dictionary<(PiiKind Kind, string Normalised), string> _placeholders = [];
    private readonly Dictionary<string, string> _originals = new(StringComparer.Ordinal);
    private readonly int[] _counters = new int[Enum.GetValues<PiiKind>().Length];

    private readonly List<string> _names = [];

    public int Count => _originals.Count;

    /// <summary>The customer names this map redacts wherever they appear, longest first.</summary>
    internal IReadOnlyList<string> Names => _names;

    /// <summary>
    /// Names the helpdesk knows for the ticket's customers: each is redacted wherever it appears as a whole word, in full
    /// and word by word (a greeting names the first name alone). Only capitalised words of letters count, so "support"
    /// or an email handle given as a name is left alone.
    /// </summary>
    public void KnowNames(IEnumerable<string?> names)
    {
        foreach (var name in names)
        {
            var words = (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length >= 2 && char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\'' or '’')).ToList();
            foreach (var form in words.Count > 1 ? words.Prepend(string.Join(' ', words)) : words)
            {
                if (!_names.Contains(form, StringComparer.Ordinal))
                {
                    _names.Add(form);
                }
            }
        }
        _names.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    /// <summary>The placeholder a name stands under in this map (the name itself when this map does not redact it).</summary>
    public string Name(string name) =>
        _names.Contains(name, StringComparer.Ordinal) ? PlaceholderFor(PiiKind.Name, name.ToLowerInvariant(), name) : name;

    /// <summary>Placeholder → original value.</summary>
    public IReadOnlyDictionary<string, string> Originals => _originals;

    internal string PlaceholderFor(PiiKind kind, string normalised, string original)
    {
        if (_placeholders.TryGetValue((kind, normalised), out var existing))
        {
            return existing;
        }
        var placeholder = $"[{Label(kind)}_{++_counters[(int)kind]}]";
        _placeholders[(kind, normalised)] = placeholder;
        _originals[placeholder] = original;
        return placeholder;
    }

    /// <summary>Puts the original values back; placeholders this map did not hand out stay as they are.</summary>
    public string Restore(string text)
    {
        if (_originals.Count == 0 || !text.Contains('[', StringComparison.Ordinal))
        {
            return text;
        }
        return Placeholder().Replace(text, m => _originals.TryGetValue(m.Value, out var original) ? original : m.Value);
    }

    internal static string Label(PiiKind kind) => kind switch
    {
        PiiKind.Email => "EMAIL",
        PiiKind.Phone => "PHONE",
        PiiKind.Card => "CARD",
        PiiKind.Iban => "IBAN",
        PiiKind.Name => "NAME",
        PiiKind.IpAddress => "IP",
        PiiKind.NationalId => "ID",
        PiiKind.Secret => "SECRET",
        PiiKind.BirthDate => "DOB",
        _ => "ADDRESS",
    };

    /// <summary>Every placeholder <see cref="Label"/> writes: "[EMAIL_1]", "[NAME_2]"…</summary>
    internal const string PlaceholderPattern = @"\[(?:EMAIL|PHONE|CARD|IBAN|ADDRESS|IP|ID|SECRET|DOB|NAME)_\d{1,4}\]";

    /// <summary>Placeholder-shaped text; any already in a ticket is rewritten with parentheses so it cannot be restored into someone's data.</summary>
    [GeneratedRegex(PlaceholderPattern, RegexOptions.CultureInvariant)]
    internal static partial Regex Placeholder();
}
