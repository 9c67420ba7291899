using System.Text.RegularExpressions;

namespace Copilot.Api.Actions;

/// <summary>What a procedure step clearly names, before it is checked against the ticket and the helpdesk.</summary>
public sealed record StepAction(ActionKind Kind, string Value, string? Detail = null);

/// <summary>
/// Reads a procedure step for an action it clearly names — "set priority to urgent", "set the type to problem",
/// "add tag x" / "tag the ticket x", "assign to Returns" / "route to the Returns team", "apply macro Y", "add an internal
/// note: …", "look up the order" — and nothing else: a step that only describes what to tell the customer names no
/// action. Each step names at most one.
/// </summary>
public static partial class StepActions
{
    public static StepAction? Read(string step)
    {
        var text = step.Trim().TrimEnd('.');
        if (Priority().Match(text) is { Success: true } p)
        {
            return new(ActionKind.SetPriority, p.Groups["v"].Value.ToLowerInvariant());
        }
        if (TicketType().Match(text) is { Success: true } t)
        {
            return new(ActionKind.SetType, t.Groups["v"].Value.ToLowerInvariant());
        }
        if (Macro().Match(text) is { Success: true } m)
        {
            return new(ActionKind.ApplyMacro, Unquote(m.Groups["v"].Value));
        }
        if (Tag().Match(text) is { Success: true } g)
        {
            return new(ActionKind.AddTags, Unquote(g.Groups["v"].Value));
        }
        if (Note().Match(text) is { Success: true } n)
        {
            var note = n.Groups["v"].Value.Trim();
            return new(ActionKind.AddNote, note.Length > 0 ? note : text);
        }
        if (Assign().Match(text) is { Success: true } a)
        {
            return new(ActionKind.AssignGroup, Unquote(a.Groups["v"].Value));
        }
        if (Lookup().Match(text) is { Success: true } l)
        {
            return new(ActionKind.Lookup, l.Groups["v"].Value.ToLowerInvariant());
        }
        return null;
    }

    private static string Unquote(string value) => value.Trim().Trim('"', '\'', '`', '“', '”', '‘', '’').Trim();

    [GeneratedRegex(@"\bset\s+(?:the\s+)?(?:ticket'?s?\s+)?priority\s+(?:to|as)\s+(?<v>low|normal|high|urgent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Priority();

    [GeneratedRegex(@"\bset\s+(?:the\s+)?(?:ticket\s+)?type\s+(?:to|as)\s+(?<v>problem|incident|question|task)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TicketType();

    [GeneratedRegex(@"\bapply\s+(?:the\s+)?macro\s+(?<v>.+?)$|\bapply\s+(?:the\s+)?(?<v>[""“'`].+?[""”'`])\s+macro\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Macro();

    [GeneratedRegex(@"\b(?:add|apply)\s+(?:the\s+)?tag\s+(?<v>[""“'`]?[\p{L}\p{N}_\-:/]{1,80}[""”'`]?)|\btag\s+(?:the\s+|this\s+)?ticket\s+(?:with\s+|as\s+)?(?<v>[""“'`]?[\p{L}\p{N}_\-:/]{1,80}[""”'`]?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b(?:add|leave|write)\s+(?:an?\s+)?(?:internal|private)\s+note\b[:\s—-]*(?<v>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Note();

    [GeneratedRegex(@"\b(?i:assign|route|hand|escalate|transfer)\s+(?i:it\s+|the\s+ticket\s+|this\s+ticket\s+)?(?i:over\s+)?(?i:to)\s+(?i:the\s+)?(?<v>[\p{Lu}""“'`][\p{L}\p{N} &\-]*?)(?:\s+(?i:team|group|queue))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Assign();

    [GeneratedRegex(@"\b(?:look\s+up|check|fetch)\s+(?:the\s+)?(?:customer'?s?\s+)?(?<v>[\p{L}\-]+)(?:\s+status)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lookup();
}
