using System.Text.Json.Serialization;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Actions;

/// <summary>What an action does to the ticket (or, for a lookup, reads elsewhere).</summary>
public enum ActionKind
{
    SetPriority,
    SetType,
    AddTags,
    SetField,
    AssignGroup,
    AddNote,
    ApplyMacro,
    MarkDuplicate,
    Lookup,
}

/// <summary>Why an action is proposed.</summary>
public enum ActionSource
{
    /// <summary>Triage's priority and intent, written where the tenant's triage fields say.</summary>
    Triage,

    /// <summary>A step of the procedure in force for the ticket's intent.</summary>
    Procedure,

    /// <summary>The way forward of a boundary rule that fired (the ticket stays with a person).</summary>
    Boundary,

    /// <summary>Another open ticket of the requester with a similar subject.</summary>
    Duplicate,

    /// <summary>The model asked for it while answering a question; it waits for the agent like any other.</summary>
    Ask,
}

/// <summary>Where an action stands: proposed until the agent decides; applying while its write is under way.</summary>
public enum ActionState
{
    Proposed,
    Applying,
    Approved,
    Declined,
}

/// <summary>What an action changes and where: exactly what the agent approves.</summary>
/// <param name="Field">The ticket field (priority, type, tags, group, a custom field's id, note, status), or the lookup's host.</param>
public sealed record ActionChange(string Field, string? From, string To);

/// <summary>
/// One proposed action. <see cref="Id"/> is stable: the same proposal for the same ticket has the same id whenever it
/// is worked out, so a decision sticks. Everything the approval needs is in <see cref="Target"/>; nothing is read again
/// from the proposal's text.
/// </summary>
public sealed record ProposedAction
{
    public required string Id { get; init; }
    public required long TicketId { get; init; }
    public required ActionKind Kind { get; init; }
    public required ActionSource Source { get; init; }
    /// <summary>In words: what will change ("Priority: normal → urgent").</summary>
    public required string Description { get; init; }
    public required IReadOnlyList<ActionChange> Changes { get; init; }
    public required ActionTarget Target { get; init; }
    public string? ProcedureId { get; init; }
    public int? ProcedureVersion { get; init; }
    /// <summary>The procedure's step the action was read from.</summary>
    public string? Step { get; init; }
    public string? RuleId { get; init; }
    /// <summary>Duplicates: how alike the two subjects are, 0–1.</summary>
    public double? Score { get; init; }
    /// <summary>Duplicates: the other ticket, to open.</summary>
    public long? OtherTicketId { get; init; }
    public string? OtherTicketUrl { get; init; }

    /// <summary>
    /// What the action is about, as the helpdesk or the tenant's settings name it: a macro's title, the value a custom
    /// field is set to as agents see it (a dropdown option's label), a lookup's name (with what it looks up, when
    /// configured), the other ticket's subject; null for the other kinds. The
    /// sidebar words an action in the agent's language from its kind, <see cref="Changes"/> and this.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// A custom field's action: the field as agents see it called (Zendesk's <c>title</c>, Freshdesk's <c>label</c>), from
    /// its definition; null for the other kinds and for actions proposed before it was kept (the sidebar then names the field by its key).
    /// </summary>
    public string? FieldTitle { get; init; }
}

/// <summary>What approving writes (<see cref="Change"/>), applies (<see cref="MacroId"/>) or reads (<see cref="Lookup"/>).</summary>
public sealed record ActionTarget
{
    public Connectors.Helpdesk.TicketChange? Change { get; init; }
    public long? MacroId { get; init; }
    public string? Lookup { get; init; }
    public IReadOnlyDictionary<string, string>? LookupParameters { get; init; }
}

/// <summary>What the action did once approved.</summary>
/// <param name="Status">applied, read (a lookup answered), failed (nothing changed).</param>
/// <param name="InsertText">A macro's reply, for the agent to insert in the editor: never sent by the copilot.</param>
public sealed record ActionResult(
    [property: WireEnum(typeof(ActionResultStatus))] string Status, string Message, string? InsertText = null, string? LookupResult = null);

public enum ActionResultStatus
{
    Applied,
    Read,
    Failed,
}

/// <param name="Name">What the action is about (<see cref="ProposedAction.Name"/>); null for kinds named by their changes alone, and for actions proposed before it was kept.</param>
/// <param name="LookupParameters">A lookup's: what it is asked for (parameter → value).</param>
/// <param name="FieldTitle">A custom field's action: the field as agents see it called (<see cref="ProposedAction.FieldTitle"/>); null for the other kinds, and for actions proposed before it was kept.</param>
public sealed record ActionDto(
    string Id, ActionKind Kind, ActionSource Source, string Description, IReadOnlyList<ActionChange> Changes, ActionState State,
    string? ProcedureId, int? ProcedureVersion, string? Step, string? RuleId, double? Score, long? OtherTicketId, string? OtherTicketUrl,
    string? SuggestionId, ActionResult? Result, string? Name = null, IReadOnlyDictionary<string, string>? LookupParameters = null, string? FieldTitle = null);

public sealed record ActionsResponse(long TicketId, IReadOnlyList<ActionDto> Actions);

public sealed record ActionsShownRequest(IReadOnlyList<string>? ActionIds);

/// <summary>Each displayed action's suggestion id.</summary>
public sealed record ActionsShownResponse(IReadOnlyDictionary<string, string> SuggestionIds);

public sealed record ActionDecisionRequest(
    [property: WireEnum(typeof(Vocabulary.RejectionReason))] string? Reason = null, string? Comment = null);

/// <summary>The action after the decision; <see cref="Duplicate"/>: it was decided before and nothing was done again.</summary>
public sealed record ActionDecisionResponse(ActionDto Action, bool Duplicate);
