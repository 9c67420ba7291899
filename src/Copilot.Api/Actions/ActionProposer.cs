using System.Globalization;
using Copilot.Api.Actions.Lookups;
using Copilot.Api.Assist;
using Copilot.Api.Tenants;
using Copilot.Api.Triage;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Actions;

/// <summary>
/// Works out the actions to propose for a ticket — from triage, the boundary rules that fired, the steps of the
/// procedures in force and the requester's likely duplicates — each with exactly what it will change. Records nothing:
/// what the sidebar displays is recorded by its display report. Proposals that would change nothing (the priority is
/// already urgent, the tag is already there) are left out, and so is a procedure step that would lower the priority below
/// the high or urgent priority triage suggests.
/// </summary>
public sealed class ActionProposer(
    TriageService triage, IHelpdeskClientFactory helpdesks, IHelpdeskDirectory directory, TicketFieldCache fields, IOptions<ActionsOptions> options)
{
    public const string Version = "actions-1";

    public async Task<IReadOnlyList<ProposedAction>> ProposeAsync(Tenant tenant, AssistContext context, CancellationToken cancellationToken)
    {
        var helpdesk = helpdesks.Create(tenant.Connection);
        var build = new ActionBuilder(tenant.Id, context.Thread.Ticket);
        var labels = await triage.LabelAsync(tenant, context, cancellationToken);
        await FromTriageAsync(build, tenant, labels, cancellationToken);
        FromBoundaries(build, context);
        await FromProceduresAsync(build, tenant, context, labels, helpdesk, cancellationToken);
        foreach (var duplicate in await Duplicates.FindAsync(helpdesk, context.Thread.Ticket, cancellationToken))
        {
            build.Duplicate(duplicate);
        }
        return build.Actions;
    }

    /// <summary>
    /// The priority, the intent's tag, and the intent in the tenant's intent field as that field takes it (its definition
    /// read from the helpdesk: <see cref="IntentFieldValue"/>) — or no field change when it takes none of the intent.
    /// </summary>
    private async Task FromTriageAsync(ActionBuilder build, Tenant tenant, TriageResult labels, CancellationToken cancellationToken)
    {
        var triageFields = tenant.Options.TriageFields;
        if (triageFields.SetPriority)
        {
            build.Priority(labels.Priority.Value, ActionSource.Triage);
        }
        if (labels.Intent.Value is { } intent && intent != "other")
        {
            var tag = triageFields.TagFor(intent);
            var key = triageFields.IntentField;
            var field = key is null ? null : await fields.GetAsync(tenant, key, cancellationToken);
            var write = IntentFieldValue.For(field, intent, tag);
            // A multi-select option whose tag is the intent's own is added by the field's action alone.
            if (tag is not null && !(write is { AddsOption: true } && string.Equals(write.Value, tag, StringComparison.OrdinalIgnoreCase)))
            {
                build.Tags([tag], ActionSource.Triage);
            }
            if (key is not null && field is not null && write is not null)
            {
                build.Field(key, field.Title, write, ActionSource.Triage);
            }
        }
    }

    private static void FromBoundaries(ActionBuilder build, AssistContext context)
    {
        foreach (var warning in context.Warnings.Where(w => w.WayForward is not null))
        {
            var way = warning.WayForward!;
            var rule = new ActionBuilder.Origin(ActionSource.Boundary, RuleId: warning.RuleId);
            if (way.GroupId is { } group)
            {
                build.Group(group, way.GroupName, rule);
            }
            if (way.Tags is { Count: > 0 } tags)
            {
                build.Tags(tags, rule);
            }
            if (way.InternalNote)
            {
                build.Note($"Kept with a person: {warning.Name}. Evidence: “{warning.Evidence}”", rule);
            }
        }
    }

    /// <summary>
    /// Whether triage reads stakes (high or urgent) and <paramref name="priority"/> ranks below <paramref name="suggested"/>
    /// (low, normal, high, urgent). On a routine ticket (triage: normal) the procedure's own priority stands.
    /// </summary>
    private static bool Below(string priority, string suggested)
    {
        var ranks = TriageFieldOptions.Priorities;
        int Rank(string p) => Array.FindIndex(ranks, r => string.Equals(r, p, StringComparison.OrdinalIgnoreCase));
        return Rank(suggested) > Rank("normal") && Rank(priority) is var rank and >= 0 && rank < Rank(suggested);
    }

    private async Task FromProceduresAsync(ActionBuilder build, Tenant tenant, AssistContext context, TriageResult labels, IHelpdeskClient helpdesk, CancellationToken cancellationToken)
    {
        IReadOnlyList<HelpdeskMacro>? macros = null;
        IReadOnlyList<HelpdeskGroup>? groups = null;
        var lookups = options.Value.For(tenant.Id);
        var ticketText = context.Thread.Ticket.Subject + "\n" + string.Join("\n", context.Thread.Comments.Select(c => c.Text));
        foreach (var procedure in context.Procedures)
        {
            foreach (var step in procedure.StepList)
            {
                if (StepActions.Read(step) is not { } named)
                {
                    continue;
                }
                var origin = new ActionBuilder.Origin(ActionSource.Procedure, procedure.Id, procedure.Version, step);
                switch (named.Kind)
                {
                    // A procedure written for the routine case ("Set priority to low") is not offered as one click on a
                    // ticket whose stakes triage reads higher (a chargeback threat about the same fee); the step still shows.
                    case ActionKind.SetPriority when !Below(named.Value, labels.Priority.Value):
                        build.Priority(named.Value, origin);
                        break;
                    case ActionKind.SetPriority:
                        break;
                    case ActionKind.SetType:
                        build.Type(named.Value, origin);
                        break;
                    case ActionKind.AddTags:
                        build.Tags([named.Value], origin);
                        break;
                    case ActionKind.AddNote:
                        build.Note(named.Value, origin);
                        break;
                    case ActionKind.AssignGroup:
                        groups ??= await directory.ListGroupsAsync(tenant.Connection, cancellationToken);
                        if (groups.FirstOrDefault(g => Same(g.Name, named.Value)) is { } group)
                        {
                            build.Group(group.Id, group.Name, origin);
                        }
                        break;
                    case ActionKind.ApplyMacro:
                        macros ??= await helpdesk.GetMacrosAsync(cancellationToken);
                        if (macros.FirstOrDefault(m => m.Active && Same(m.Title, named.Value)) is { } macro
                            && long.TryParse(macro.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var macroId)
                            && await helpdesk.PreviewMacroAsync(context.Thread.Ticket.Id, macroId, cancellationToken) is { } preview)
                        {
                            build.Macro(macro.Title, preview, origin);
                        }
                        break;
                    case ActionKind.Lookup:
                        foreach (var (name, lookup) in lookups.Lookups.Where(l => l.Key.Contains(named.Value, StringComparison.OrdinalIgnoreCase)))
                        {
                            if (LookupClient.FindParameters(lookup, ticketText) is { } parameters)
                            {
                                build.Lookup(name, lookup, parameters, origin);
                            }
                        }
                        break;
                }
            }
        }
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
