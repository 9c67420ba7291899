namespace Copilot.Api.Boundaries;

/// <summary>GET/PUT/DELETE answer: the rules in force; <c>source</c> is "default" (shipped) or "custom" (set by an admin).</summary>
public sealed record BoundaryRulesResponse(string Tenant, string Source, DateTimeOffset? UpdatedAt, IReadOnlyList<BoundaryRule> Rules)
{
    internal static BoundaryRulesResponse From(string tenant, BoundaryRuleService.RuleList list) =>
        new(tenant, list.IsDefault ? "default" : "custom", list.UpdatedAt, list.Rules);
}

/// <summary>PUT body: the complete new list (rules not in it are removed).</summary>
public sealed record PutBoundaryRulesRequest(List<BoundaryRule?>? Rules);

/// <summary>Test body: a customer message, and optionally unsaved rules to try instead of the stored ones.</summary>
public sealed record BoundaryTestRequest(string? Text, List<BoundaryRule?>? Rules);

public sealed record BoundaryTestResponse(bool Handoff, IReadOnlyList<BoundaryWarningDto> Warnings);

/// <summary>A fired rule on the wire.</summary>
public sealed record BoundaryWarningDto(string RuleId, string Name, string Action, string Evidence, long? CommentId)
{
    public static BoundaryWarningDto From(BoundaryWarning w) =>
        new(w.RuleId, w.Name, w.Action == BoundaryAction.Handoff ? "handoff" : "caution", w.Evidence, w.CommentId);
}
