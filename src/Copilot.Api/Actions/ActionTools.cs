using System.ComponentModel;
using System.Globalization;
using Copilot.Api.Actions.Lookups;
using Copilot.Api.Ask;
using Copilot.Connectors.Helpdesk;
using Microsoft.SemanticKernel;

namespace Copilot.Api.Actions;

/// <summary>
/// The actions the model may ask for while it answers a question, as a Semantic Kernel plugin. Each function only
/// works out the proposal — what it would change, with the ticket as it is — and returns it; none writes anything.
/// What becomes of a proposal is <see cref="ActionGate"/>'s decision: it goes to the agent, and only a pre-approved
/// read-only lookup is run there and then.
/// </summary>
public sealed class ActionTools(AskScope scope, IHelpdeskClientFactory helpdesks, ActionsOptions options)
{
    public const string PluginName = "actions";

    private ActionBuilder Builder() => new(scope.Tenant.Id, scope.Context.Thread.Ticket);

    [KernelFunction("set_priority")]
    [Description("Proposes to set the ticket's priority (low, normal, high or urgent). The agent decides.")]
    public object SetPriority([Description("low, normal, high or urgent")] string priority)
    {
        var value = priority.Trim().ToLowerInvariant();
        return Triage.TriageFieldOptions.Priorities.Contains(value) ? One(b => b.Priority(value, ActionSource.Ask)) : "Not a priority: low, normal, high or urgent.";
    }

    [KernelFunction("add_tags")]
    [Description("Proposes to add tags to the ticket. The agent decides.")]
    public object AddTags([Description("The tags, separated by commas.")] string tags) =>
        One(b => b.Tags(tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(t => t.Length is > 0 and <= 80).Take(10).ToList(), ActionSource.Ask));

    [KernelFunction("add_internal_note")]
    [Description("Proposes an internal note on the ticket, seen by agents only. The agent decides.")]
    public object AddInternalNote([Description("The note.")] string note) =>
        One(b => b.Note(note.Length > 1000 ? note[..1000] : note, ActionSource.Ask));

    [KernelFunction("apply_macro")]
    [Description("Proposes to apply one of the team's macros to the ticket, by its title. The agent decides.")]
    public async Task<object> ApplyMacroAsync([Description("The macro's title.")] string title, CancellationToken cancellationToken)
    {
        var helpdesk = helpdesks.Create(scope.Tenant.Connection);
        var macro = (await helpdesk.GetMacrosAsync(cancellationToken)).FirstOrDefault(m => m.Active && string.Equals(m.Title.Trim(), title.Trim(), StringComparison.OrdinalIgnoreCase));
        if (macro is null || !long.TryParse(macro.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await helpdesk.PreviewMacroAsync(scope.Context.Thread.Ticket.Id, id, cancellationToken) is not { } preview)
        {
            return "The team has no macro with that title.";
        }
        return One(b => b.Macro(macro.Title, preview, ActionSource.Ask));
    }

    [KernelFunction("run_lookup")]
    [Description("Looks something up in one of the team's configured systems (such as an order's status), by the lookup's name; its parameters are found in the ticket.")]
    public object RunLookup([Description("The lookup's name.")] string name)
    {
        var settings = options.For(scope.Tenant.Id);
        if (!settings.Lookups.TryGetValue(name.Trim(), out var lookup))
        {
            return $"No such lookup. Configured: {string.Join(", ", settings.Lookups.Keys)}.";
        }
        var ticket = scope.Context.Thread;
        var text = ticket.Ticket.Subject + "\n" + string.Join("\n", ticket.Comments.Select(c => c.Text));
        return LookupClient.FindParameters(lookup, text) is { } parameters
            ? One(b => b.Lookup(name.Trim(), lookup, parameters, ActionSource.Ask))
            : "The ticket does not hold what this lookup needs.";
    }

    private object One(Action<ActionBuilder> build)
    {
        var builder = Builder();
        build(builder);
        return builder.Actions.Count == 1 ? builder.Actions[0] : "That would change nothing on the ticket.";
    }
}
