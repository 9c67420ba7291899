using System.Text.RegularExpressions;
using Copilot.Api.Languages;
using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Drafts.Offline;

/// <summary>
/// The greeting the team last wrote to this customer on the thread ("Dear Elena,", "Hallo Frau Müller,", "Hoi Daan,"): a
/// draft greets them the same way rather than switching to the phrasebook's "Hi Elena," or "Hallo Hannah,".
/// </summary>
internal static partial class TeamGreeting
{
    /// <summary>
    /// The first line of the team's latest public reply when it is only a greeting that names the requester, and that reply is
    /// in the draft's language and not bound to a time of day ("Good morning" may be wrong by the time the draft is sent); null
    /// otherwise (the phrasebook's greeting is used).
    /// </summary>
    public static string? Of(HelpdeskThread thread, string language, ILanguageDetector detector)
    {
        if (Turns.Spoken(thread).LastOrDefault(c => c.Author.Role == AuthorRole.Agent) is not { } reply)
        {
            return null;
        }
        var text = ThreadText.Normalize(reply.Text).Trim();
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (line is null || !ThreadText.IsGreetingLine(line) || line[^1] is not (',' or ':' or '!') || TimeOfDay().IsMatch(line))
        {
            return null;
        }
        var said = ThreadText.Terms(line).ToHashSet(StringComparer.Ordinal);
        var names = ThreadText.Terms(MacroText.KnownName(thread.Ticket.Requester.Name)).Where(n => n.Length >= 2);
        return names.Any(said.Contains) && detector.Detect(text).Code == language ? line : null;
    }

    [GeneratedRegex(@"^(good (morning|afternoon|evening)|guten (morgen|abend)|bonsoir|buen[oa]s (d[íi]as|tardes|noches)|goede(morgen|middag|navond)|bom dia|boa (tarde|noite)|buongiorno|buonasera)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();
}
