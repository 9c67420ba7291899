using System.Globalization;
using System.Text;

namespace Copilot.Api.Drafts;

/// <summary>
/// The name a draft is signed with, as the sidebar sends it (the helpdesk's name for the signed-in
/// agent). A person's name in any script: letters with their combining marks, spaces, hyphens,
/// apostrophes and dots. Nothing else passes, so no line break, markup or placeholder can reach
/// the reply or the prompt through it.
/// </summary>
public static class AgentName
{
    public const string Field = "agentName";
    public const int MaxLength = 100;

    /// <summary>
    /// The name to sign with: the helpdesk's name for the agent the caller proved (a session or the Freshworks app's
    /// checked agent), so no page can sign a reply in a colleague's name; the name the sidebar sent only when the caller
    /// proves no agent (a Zendesk proxy token) or the helpdesk's name is not one this check passes.
    /// </summary>
    public static (string? Name, string? Error) Of(HttpContext http, string? sent)
    {
        var sentName = Parse(sent);
        return http.User.FindFirst(Auth.AuthClaims.AgentName)?.Value is { } verified && Parse(verified) is { Name: { } name, Error: null }
            ? (name, null)
            : sentName;
    }

    /// <summary>The name trimmed, single-spaced (null when blank: the draft is signed without a name), or why it is refused.</summary>
    public static (string? Name, string? Error) Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, null);
        }
        var name = raw.Trim().Normalize(NormalizationForm.FormC);
        var runes = name.EnumerateRunes().ToList();
        if (runes.Count > MaxLength)
        {
            return (null, $"{Field} may hold at most {MaxLength} characters.");
        }
        var letters = 0;
        var attached = false; // the previous character was a letter, or a mark or joiner of one
        foreach (var rune in runes)
        {
            var category = Rune.GetUnicodeCategory(rune);
            // Combining marks (Devanagari vowel signs, Thai tone marks…) and the joiners some scripts
            // write names with (Persian, Malayalam) belong to the letter before them.
            var ok = IsLetter(category) || (attached && (IsMark(category) || IsJoiner(rune))) || rune.Value is ' ' or '-' or '\u2010' or '\'' or '\u2019' or '.';
            if (!ok)
            {
                return (null, $"{Field} may hold only letters, spaces, hyphens, apostrophes and dots.");
            }
            letters += IsLetter(category) ? 1 : 0;
            attached = IsLetter(category) || IsMark(category) || IsJoiner(rune);
        }
        return letters == 0 ? (null, $"{Field} must contain at least one letter.") : (string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)), null);
    }

    private static bool IsLetter(UnicodeCategory c) => c is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    private static bool IsMark(UnicodeCategory c) => c is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsJoiner(Rune r) => r.Value is '\u200C' or '\u200D';
}
