using System.Text.RegularExpressions;

namespace Copilot.Api.Privacy;

public enum PiiKind
{
    Email,
    Phone,
    Card,
    Iban,
    Address,
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

    public int Count => _originals.Count;

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
        _ => "ADDRESS",
    };

    /// <summary>Placeholder-shaped text; any already in a ticket is rewritten with parentheses so it cannot be restored into someone's data.</summary>
    [GeneratedRegex(@"\[(?:EMAIL|PHONE|CARD|IBAN|ADDRESS)_\d{1,4}\]", RegexOptions.CultureInvariant)]
    internal static partial Regex Placeholder();
}
