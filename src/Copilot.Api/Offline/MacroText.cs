using System.Text.RegularExpressions;

namespace Copilot.Api.Offline;

/// <summary>A macro's text with its placeholders filled and its own greeting and sign-off taken apart from the body.</summary>
internal sealed partial record MacroText(string Body, string? SignOff)
{
    public static MacroText Parse(string text, IReadOnlyDictionary<string, string> values)
    {
        var filled = Placeholder().Replace(ThreadText.Normalize(text), m =>
            values.TryGetValue(m.Groups[1].Value.ToLowerInvariant(), out var v) ? v : m.Value);
        var lines = filled.Split('\n').Select(l => l.TrimEnd()).ToList();

        var first = lines.FindIndex(l => l.Length > 0);
        if (first >= 0 && ThreadText.IsGreetingLine(lines[first]))
        {
            lines.RemoveRange(0, first + 1); // our greeting replaces it
        }
        string? signOff = null;
        var start = ThreadText.SignOffStart(lines);
        if (start >= 0)
        {
            signOff = string.Join('\n', lines.Skip(start).Where(l => l.Trim().Length > 0)).Trim();
            lines.RemoveRange(start, lines.Count - start);
        }
        var body = EmptyLines().Replace(string.Join('\n', lines).Trim(), "\n\n");
        return new MacroText(body, string.IsNullOrWhiteSpace(signOff) ? null : signOff);
    }

    /// <summary>The Zendesk placeholders a draft can fill from what it knows.</summary>
    public static Dictionary<string, string> Values(Copilot.Connectors.Helpdesk.HelpdeskTicket ticket, string? agentName)
    {
        var requester = ticket.Requester.Name.Trim();
        var agent = agentName?.Trim() ?? "";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ticket.requester.first_name"] = FirstWord(requester),
            ["ticket.requester.name"] = requester,
            ["ticket.requester.last_name"] = requester.Contains(' ') ? requester[(requester.LastIndexOf(' ') + 1)..] : "",
            ["current_user.first_name"] = FirstWord(agent),
            ["current_user.name"] = agent,
            ["ticket.id"] = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ticket.title"] = ticket.Subject,
        };
    }

    public static string FirstWord(string name)
    {
        var space = name.IndexOf(' ');
        return space > 0 ? name[..space] : name;
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex EmptyLines();
}
