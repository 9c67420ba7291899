using System.Text.RegularExpressions;

namespace Copilot.Api.Replays.Measures;

/// <summary>
/// Whether a ticket belonged with a person: its agent escalated it (a tag saying so, or the source's word), or its
/// customer asked for a person ("can I speak to a human", "I want a manager", "a real person").
/// </summary>
public static partial class PersonAsked
{
    public static bool InText(string customerText) => Asked().IsMatch(customerText);

    public static bool EscalatedByTags(IEnumerable<string> tags) => tags.Any(t => t.Contains("escalat", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\b(?:speak|talk|chat)\s+(?:to|with)\s+(?:a|an|the|some|your)?\s*(?:real\s+|actual\s+|live\s+)?(?:human|person|manager|supervisor|someone|somebody|agent|representative)\b|\b(?:want|need|get)\s+(?:a|an|the)?\s*(?:real\s+|actual\s+|live\s+)?(?:human|person|manager|supervisor)\b|\breal\s+person\b|\bescalate\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Asked();
}
