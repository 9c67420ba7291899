using System.Text.RegularExpressions;

namespace Copilot.Api.Threads;

/// <summary>
/// A macro's text with its placeholders filled and its own greeting and sign-off taken apart from the body.
/// A placeholder the ticket cannot fill is marked for the agent (<c>[fill in: order number]</c>), never left raw.
/// </summary>
internal sealed partial record MacroText(string Body, string? SignOff)
{
    /// <summary>How a gap the agent must fill is written.</summary>
    public const string FillIn = "[fill in: ";

    /// <summary>The text with every placeholder filled from <paramref name="values"/>, or marked for the agent to fill in.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(ThreadText.Normalize(text), m =>
            values.TryGetValue(m.Groups[1].Value.ToLowerInvariant(), out var v) && v.Length > 0 ? v : FillIn + Describe(m.Groups[1].Value) + "]");

    public static MacroText Parse(string text, IReadOnlyDictionary<string, string> values)
    {
        var filled = Fill(text, values);
        var lines = filled.Split('\n').Select(l => l.TrimEnd()).ToList();

        // The macro's own greeting, after at most a short note to agents (its description), gives way to ours.
        var greeting = lines.Select((l, i) => (l, i)).Where(x => x.l.Trim().Length > 0).Take(3).FirstOrDefault(x => ThreadText.IsGreetingLine(x.l));
        if (greeting.l is not null)
        {
            lines.RemoveRange(0, greeting.i + 1);
        }
        string? signOff = null;
        var start = ThreadText.SignOffStart(lines);
        if (start < 0)
        {
            start = NameSignatureStart(lines, values.GetValueOrDefault("current_user.name"));
        }
        if (start >= 0)
        {
            signOff = string.Join('\n', lines.Skip(start).Where(l => l.Trim().Length > 0)).Trim();
            lines.RemoveRange(start, lines.Count - start);
        }
        var body = EmptyLines().Replace(string.Join('\n', lines).Trim(), "\n\n");
        return new MacroText(body, string.IsNullOrWhiteSpace(signOff) ? null : signOff);
    }

    /// <summary>
    /// Where a sign-off with the agent's name starts ("…let me know and I'll refund the unlock.\n\nSofia Jansen",
    /// "Sofia Jansen\nSpokewise Account Security", "Happy riding,\nSofia Jansen"): the name's line, followed by at most one
    /// short line, and the short line ending in a comma before it; -1 when the text does not end so. Left in the body, the
    /// draft's own closing would sign it a second time.
    /// </summary>
    private static int NameSignatureStart(List<string> lines, string? agentName)
    {
        var name = agentName?.Trim() ?? "";
        if (name.Length == 0)
        {
            return -1;
        }
        var nonEmpty = Enumerable.Range(0, lines.Count).Where(i => lines[i].Trim().Length > 0).ToList();
        foreach (var i in nonEmpty.TakeLast(2).Where(i => i != nonEmpty[0]))
        {
            if (string.Equals(lines[i].Trim(), name, StringComparison.OrdinalIgnoreCase)
                && nonEmpty.Where(j => j > i).All(j => ThreadText.WordCount(lines[j]) <= 6 && !Knowledge.TextBlocks.EndsSentence(lines[j].Trim())))
            {
                // A short line ending in a comma just before the name is its valediction: "Sorry for the trouble,", "Happy riding,".
                var before = nonEmpty.LastOrDefault(j => j < i, -1);
                return before > nonEmpty[0] && ThreadText.IsValediction(lines[before]) ? before : i;
            }
        }
        return -1;
    }

    /// <summary>The Zendesk placeholders a draft can fill from what it knows.</summary>
    public static Dictionary<string, string> Values(Copilot.Connectors.Helpdesk.HelpdeskTicket ticket, string? agentName)
    {
        var requester = KnownName(ticket.Requester.Name);
        var agent = agentName?.Trim() ?? "";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ticket.requester.first_name"] = FirstWord(requester),
            ["ticket.requester.name"] = requester,
            ["ticket.requester.last_name"] = LastWord(requester),
            ["ticket.requester.email"] = ticket.Requester.Email ?? "",
            ["current_user.first_name"] = FirstWord(agent),
            ["current_user.name"] = agent,
            ["current_user.last_name"] = LastWord(agent),
            ["ticket.id"] = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ticket.title"] = ticket.Subject,
            ["ticket.status"] = ticket.Status,
            ["ticket.priority"] = ticket.Priority ?? "",
        };
    }

    /// <summary>
    /// The person's name, or "" when the helpdesk only has an address, a stand-in ("User 1234") or the name of a company
    /// or team ("Acme Logistics – Finance", "Kestrel Hotel Group Ltd", "Accounts Payable"): "Hi Acme," greets no one.
    /// </summary>
    public static string KnownName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Contains('@') || StandIn().IsMatch(trimmed) || Organisation().IsMatch(trimmed) ? "" : trimmed;
    }

    private static string LastWord(string name) => name.Contains(' ') ? name[(name.LastIndexOf(' ') + 1)..] : "";

    /// <summary>"ticket.requester.last_name" → "requester last name"; "ticket.ticket_field_360012" → "ticket field 360012".</summary>
    public static string Describe(string placeholder)
    {
        var parts = placeholder.ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 1 && parts[0] is "ticket" or "dc")
        {
            parts.RemoveAt(0);
        }
        if (parts.Count > 0 && parts[0] == "current_user")
        {
            parts[0] = "agent";
        }
        return string.Join(' ', parts).Replace('_', ' ');
    }

    public static string FirstWord(string name)
    {
        var space = name.IndexOf(' ');
        return space > 0 ? name[..space] : name;
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^User \d+$")]
    private static partial Regex StandIn();

    /// <summary>A company's or a team's name: a legal form, a department or team word, or "Company – Department".</summary>
    [GeneratedRegex(@"\s[–—-]\s|\d|(?<![\p{L}])(?:(?i:ltd|limited|gmbh|inc|llc|plc|corp|corporation|sarl|s\.?r\.?l|b\.v|n\.v|team|support|finance|accounts|accounting|billing|sales|department|dept|logistics|group|company|services|office|administration|helpdesk|procurement|purchasing|reception|no-?reply|customer service)|(?-i:AG|KG|BV|NV|SA|SAS|AB|AS|Oy|HR|IT))(?![\p{L}])")]
    private static partial Regex Organisation();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex EmptyLines();
}
