using Copilot.Api.Actions.Lookups;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Actions;

/// <summary>
/// Does what an approved action says, through the connector: the ticket's fields and an internal note in one update
/// (<see cref="IHelpdeskClient.UpdateTicketAsync"/>); a macro's field changes likewise, its reply returned for the agent
/// to insert (never sent); a lookup's call. Only the approval route calls it. A helpdesk failure is thrown
/// (<see cref="HelpdeskException"/>) with nothing recorded; a lookup that fails or times out says so and changes nothing.
/// </summary>
public sealed class ActionApplier(IHelpdeskClientFactory helpdesks, LookupClient lookups)
{
    public async Task<ActionResult> ApplyAsync(Tenant tenant, ProposedAction action, CancellationToken cancellationToken)
    {
        var target = action.Target;
        if (target.Lookup is { } name)
        {
            var answer = await lookups.RunAsync(tenant.Id, name, target.LookupParameters ?? new Dictionary<string, string>(), cancellationToken);
            return answer.Ok
                ? new(nameof(ActionResultStatus.Read).ToLowerInvariant(), $"The lookup '{name}' answered.", LookupResult: answer.Text)
                : new(nameof(ActionResultStatus.Failed).ToLowerInvariant(), answer.Text);
        }
        var helpdesk = helpdesks.Create(tenant.Connection);
        string? reply = null;
        if (target.MacroId is { } macro)
        {
            if (await helpdesk.PreviewMacroAsync(action.TicketId, macro, cancellationToken) is not { } preview)
            {
                return Failed("The macro or the ticket is gone from the helpdesk; nothing was changed.");
            }
            reply = preview.Comment;
        }
        if (target.Change is { } change && !await helpdesk.UpdateTicketAsync(action.TicketId, change, cancellationToken))
        {
            return Failed("The ticket is gone from the helpdesk; nothing was changed.");
        }
        return new(nameof(ActionResultStatus.Applied).ToLowerInvariant(), reply is null ? "Done: " + action.Description : "Done; insert the macro's reply in your editor to send it.", reply);
    }

    private static ActionResult Failed(string message) => new(nameof(ActionResultStatus.Failed).ToLowerInvariant(), message);
}
