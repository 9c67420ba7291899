using System.Text.RegularExpressions;

namespace Copilot.Api.Drafts.Offline;

/// <summary>
/// What a procedure's steps ask of the customer, as the items a reply asks for: "Ask for a photo of the damage" gives
/// "a photo of the damage", "Ask the customer for their order number" gives "your order number". Only such steps are
/// read, and only the thing asked for is taken, in the customer's second person; a step that says anything else to the
/// agent ("if under €50 offer a replacement", "[Pull up Account]", "verify") gives nothing: the agent reads it in the
/// sidebar, the customer never does. English steps only.
/// </summary>
public static partial class ProcedureAsks
{
    public const int MaxAsks = 4;
    private const int MaxWords = 12;

    public static IReadOnlyList<string> From(Procedures.Procedure procedure) =>
        procedure.StepList.Select(Ask).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxAsks).ToList();

    private static string? Ask(string step)
    {
        var first = Clause().Match(step.Trim());
        if (!first.Success || Request().Match(first.Value) is not { Success: true } m)
        {
            return null;
        }
        var what = m.Groups["what"].Value.Trim().TrimEnd('.', ',', ';', ':');
        if (what.Length == 0 || AgentOnly().IsMatch(what) || what.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWords)
        {
            return null;
        }
        what = Theirs().Replace(what, "your");
        what = Them().Replace(what, "you");
        return AgentOnly().IsMatch(what) ? null : what;
    }

    /// <summary>The step up to its first full stop, semicolon or colon: a step's first instruction.</summary>
    [GeneratedRegex(@"^[^.;:]+", RegexOptions.CultureInvariant)]
    private static partial Regex Clause();

    /// <summary>"Ask (the customer|them) for X", "Request X (from the customer)", "Get X from the customer".</summary>
    [GeneratedRegex(@"^(?:ask\s+(?:the\s+(?:customer|requester|user)\s+|them\s+)?for|request|get)\s+(?<what>.+?)(?:\s+from\s+(?:the\s+(?:customer|requester|user)|them))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Request();

    /// <summary>Words that belong to the agent's side: tools in brackets, other people, conditions, checks.</summary>
    [GeneratedRegex(@"[\[\]{}<>]|\b(agent|agents|customer|customers|requester|if|unless|then|verify|check|internal|escalat\w*|route|system|button|click)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgentOnly();

    [GeneratedRegex(@"\b(their|his|her)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Theirs();

    [GeneratedRegex(@"\bthem\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Them();
}
