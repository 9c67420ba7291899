using System.Text.RegularExpressions;

namespace Copilot.Api.Boundaries;

/// <summary>
/// What the agent can do, one click each, when a rule fires (an admin sets it per rule): hand the ticket to a
/// group, add tags, add an internal note with the rule's evidence. Shown on the warning; applied through the
/// helpdesk's workspace, never by the backend.
/// </summary>
public sealed partial record WayForward
{
    public const int MaxTags = 10;

    /// <summary>The helpdesk group the ticket goes to (Zendesk group id).</summary>
    public long? GroupId { get; init; }

    /// <summary>How the group is named on the button ("Billing team").</summary>
    public string? GroupName { get; init; }

    /// <summary>Tags added to the ticket.</summary>
    public List<string>? Tags { get; init; }

    /// <summary>Offer an internal note that records why the rule fired (its evidence).</summary>
    public bool InternalNote { get; init; }

    internal void Validate(string at, Action<string, string> add)
    {
        if (GroupId is <= 0)
        {
            add($"{at}.groupId", "A helpdesk group id: a positive number.");
        }
        if (GroupName is { Length: > 100 } || (GroupName is not null && GroupId is null))
        {
            add($"{at}.groupName", "At most 100 characters, and only with a groupId.");
        }
        if (Tags is { Count: > MaxTags } || Tags?.Any(t => t is null || !Tag().IsMatch(t)) == true)
        {
            add($"{at}.tags", $"At most {MaxTags} tags, each letters, digits, '_', '-', ':' or '/', at most 80 characters.");
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_\-:/]{1,80}$")]
    private static partial Regex Tag();
}
