using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Boundaries;

/// <summary>handoff: the ticket stays with a human, no draft; caution: draft allowed, agent warned.</summary>
public enum BoundaryAction { Handoff, Caution }

/// <summary>A rule that fired on a thread, with the words that made it fire.</summary>
public sealed record BoundaryWarning(string RuleId, string Name, BoundaryAction Action, string Evidence, long? CommentId)
{
    /// <summary>What the agent can do about it, as the admin set on the rule.</summary>
    public WayForward? WayForward { get; init; }

    /// <summary>What kind of rule fired (<see cref="BoundaryRule.KindPhrases"/>, <see cref="BoundaryRule.KindAnger"/>, <see cref="BoundaryRule.KindRepeatedContact"/>).</summary>
    public string Kind { get; init; } = BoundaryRule.KindPhrases;
}

public interface IBoundaryRules
{
    Task<IReadOnlyList<BoundaryWarning>> EvaluateAsync(string tenant, HelpdeskThread thread, CancellationToken cancellationToken);
}
