using System.Globalization;
using Copilot.Api.Actions.Lookups;
using Copilot.Api.Triage;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Actions;

/// <summary>
/// Collects one ticket's proposals, each described by exactly what it changes (field, from → to). A proposal that
/// changes nothing is dropped, and of two proposals with the same effect the first is kept (triage before boundary
/// rules before procedures), so each action is offered once.
/// </summary>
internal sealed class ActionBuilder(string tenant, HelpdeskTicket ticket)
{
    public sealed record Origin(ActionSource Source, string? ProcedureId = null, int? ProcedureVersion = null, string? Step = null, string? RuleId = null)
    {
        public static implicit operator Origin(ActionSource source) => new(source);
    }

    private readonly List<ProposedAction> _actions = [];
    private readonly HashSet<string> _tags = new(ticket.Tags, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ProposedAction> Actions => _actions;

    public void Priority(string priority, Origin origin)
    {
        if (!string.Equals(ticket.Priority, priority, StringComparison.OrdinalIgnoreCase))
        {
            Add(ActionKind.SetPriority, $"priority={priority}", $"Set priority: {ticket.Priority ?? "none"} → {priority}",
                [new("priority", ticket.Priority, priority)], new() { Change = new() { Priority = priority } }, origin);
        }
    }

    public void Type(string type, Origin origin) =>
        Add(ActionKind.SetType, $"type={type}", $"Set type: → {type}", [new("type", null, type)], new() { Change = new() { Type = type } }, origin);

    public void Tags(IReadOnlyList<string> tags, Origin origin)
    {
        var added = tags.Where(t => !_tags.Contains(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (added.Count > 0)
        {
            Add(ActionKind.AddTags, "tags=" + string.Join(',', added.Order(StringComparer.Ordinal)), $"Add tags: {string.Join(", ", added)}",
                [new("tags", null, "+" + string.Join(" +", added))], new() { Change = new() { AddTags = added } }, origin);
        }
    }

    /// <summary>
    /// A custom field set to <paramref name="write"/>'s value; the action is named by what agents see of it (a dropdown
    /// option's label), and the field by its <paramref name="title"/>. A multi-select's option is added beside those
    /// already chosen (<see cref="FieldWrite.AddsOption"/>): its tag is added, its change reads "+tag", and an option the
    /// ticket's tags already hold is chosen already, so nothing is proposed.
    /// </summary>
    public void Field(string field, string title, FieldWrite write, Origin origin)
    {
        if (write.AddsOption && _tags.Contains(write.Value))
        {
            return;
        }
        var shown = write.Label == write.Value ? write.Value : $"{write.Label} ({write.Value})";
        var added = write.AddsOption
            ? Add(ActionKind.SetField, $"field={field}={write.Value}", $"Add to field {title} ({field}): + {shown}", [new($"custom_field:{field}", null, "+" + write.Value)],
                new() { Change = new() { AddTags = [write.Value] } }, origin, name: write.Label)
            : Add(ActionKind.SetField, $"field={field}={write.Value}", $"Set field {title} ({field}): → {shown}", [new($"custom_field:{field}", null, write.Value)],
                new() { Change = new() { CustomFields = new Dictionary<string, string> { [field] = write.Value } } }, origin, name: write.Label);
        if (added is { } action)
        {
            _actions[^1] = action with { FieldTitle = title };
        }
    }

    public void Group(long group, string? name, Origin origin)
    {
        var to = name is null ? $"group {group}" : $"{name} (group {group})";
        Add(ActionKind.AssignGroup, $"group={group}", $"Assign to {to}", [new("group", null, to)], new() { Change = new() { GroupId = group } }, origin);
    }

    public void Note(string note, Origin origin) =>
        Add(ActionKind.AddNote, "note=" + note, $"Add an internal note (agents only): “{note}”", [new("internal_note", null, note)],
            new() { Change = new() { InternalNote = note } }, origin);

    public void Macro(string title, MacroPreview preview, Origin origin)
    {
        var changes = new List<ActionChange>();
        if (preview.Status is { } status && status != ticket.Status)
        {
            changes.Add(new("status", ticket.Status, status));
        }
        var added = (preview.Tags ?? []).Where(t => !_tags.Contains(t)).ToList();
        if (added.Count > 0)
        {
            changes.Add(new("tags", null, "+" + string.Join(" +", added)));
        }
        if (preview.GroupId is { } group)
        {
            changes.Add(new("group", null, group.ToString(CultureInfo.InvariantCulture)));
        }
        if (preview.Comment is not null)
        {
            changes.Add(new("reply", null, "text to insert in your reply (not sent)"));
        }
        var change = new TicketChange { Status = preview.Status != ticket.Status ? preview.Status : null, AddTags = added.Count > 0 ? added : null, GroupId = preview.GroupId };
        Add(ActionKind.ApplyMacro, $"macro={preview.MacroId}", $"Apply macro “{title}”: " + (changes.Count == 0 ? "changes no field" : string.Join("; ", changes.Select(Describe))),
            changes, new() { MacroId = preview.MacroId, Change = change.SetsFields ? change : null }, origin, name: title);
    }

    public void Lookup(string name, LookupOptions lookup, IReadOnlyDictionary<string, string> parameters, Origin origin)
    {
        var host = LookupClient.UrlOf(lookup, parameters).Host;
        var values = string.Join(", ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        var named = name + (lookup.Description is { } what ? $" ({what})" : "");
        Add(ActionKind.Lookup, $"lookup={name}?{values}", $"Look up {named} for {values} on {host} (reads only; changes nothing)",
            [new("lookup", null, host)], new() { Lookup = name, LookupParameters = parameters }, origin, name: named);
    }

    public void Duplicate(LikelyDuplicate duplicate)
    {
        var other = duplicate.Ticket;
        var note = $"Likely duplicate of #{other.Id} “{other.Subject}” (same requester, similar subject).";
        var added = Add(ActionKind.MarkDuplicate, $"duplicate={other.Id}",
            $"Mark as a likely duplicate of #{other.Id} “{other.Subject}” (score {duplicate.Score:0.00}): adds an internal note naming it; merging stays with you in the helpdesk",
            [new("internal_note", null, note)], new() { Change = new() { InternalNote = note } }, ActionSource.Duplicate, name: other.Subject);
        if (added is { } action)
        {
            _actions[^1] = action with { Score = duplicate.Score, OtherTicketId = other.Id, OtherTicketUrl = other.Url };
        }
    }

    private static string Describe(ActionChange c) => c.From is null ? $"{c.Field} → {c.To}" : $"{c.Field} {c.From} → {c.To}";

    private ProposedAction? Add(ActionKind kind, string target, string description, IReadOnlyList<ActionChange> changes, ActionTarget what, Origin origin, string? name = null)
    {
        var id = ActionIds.For(tenant, ticket.Id, kind, target);
        if (_actions.Any(a => a.Id == id))
        {
            return null;
        }
        var action = new ProposedAction
        {
            Id = id, TicketId = ticket.Id, Kind = kind, Source = origin.Source, Description = description, Changes = changes, Target = what,
            ProcedureId = origin.ProcedureId, ProcedureVersion = origin.ProcedureVersion, Step = origin.Step, RuleId = origin.RuleId, Name = name,
        };
        _actions.Add(action);
        return action;
    }
}
