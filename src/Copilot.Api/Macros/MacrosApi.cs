using Copilot.Api.Assist;
using Copilot.Api.Auth;
using Copilot.Api.Drafts;
using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Macros;

/// <summary>
/// A macro's effect shown before it is applied. The sidebar applies it through the helpdesk's own workspace
/// (Zendesk: <c>client.invoke('macro', id)</c>), so text, fields and tags change exactly as the helpdesk applies them.
/// </summary>
public static class MacrosApi
{
    /// <param name="tickets"><c>/api/tickets</c> (<see cref="Routes.RouteGroups.Tickets"/>).</param>
    public static RouteGroupBuilder MapMacrosApi(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/{id:long}/macros/{macroId:long}/preview", GetPreview)
            .WithName("GetMacroPreview")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What applying a macro would change on the ticket: its reply text, fields and tags. Nothing is changed.")
            .WithDescription("agentName (the signed-in agent's name) fills the macro's {{current_user…}} placeholders as the workspace will.");
        return tickets;
    }

    internal static async Task<Results<Ok<MacroPreviewResponse>, ProblemHttpResult>> GetPreview(
        long id, long macroId, string? agentName, HttpContext http, AssistService assist, IHelpdeskClientFactory helpdesks, CancellationToken cancellationToken)
    {
        var (name, nameError) = AgentName.Of(http, agentName);
        if (nameError is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The macro preview request is not valid",
                detail: "agentName is the signed-in agent's name, as the helpdesk shows it.");
        }
        var tenant = http.GetTenant();
        if (id <= 0 || await assist.GetAsync(tenant, id, latestCommentId: null, refresh: false, cancellationToken) is not { } current)
        {
            return AssistApi.TicketNotFound(id);
        }
        if (macroId <= 0 || await helpdesks.Create(tenant.Connection).PreviewMacroAsync(id, macroId, cancellationToken) is not { } after)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Macro not found",
                detail: $"The helpdesk has no active macro {macroId} for this ticket.");
        }
        var ticket = current.Context.Thread.Ticket;
        var comment = after.Comment is null ? null : MacroText.Fill(after.Comment, MacroText.Values(ticket, name));
        var changes = new List<FieldChangeDto>();
        if (after.Status is { } status && !string.Equals(status, ticket.Status, StringComparison.OrdinalIgnoreCase))
        {
            changes.Add(new FieldChangeDto("status", ticket.Status, status));
        }
        if (after.AssigneeId is { } assignee && assignee != ticket.AssigneeId)
        {
            changes.Add(new FieldChangeDto("assignee", ticket.AssigneeId?.ToString(System.Globalization.CultureInfo.InvariantCulture), assignee.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (after.GroupId is { } group)
        {
            changes.Add(new FieldChangeDto("group", null, group.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var tags = after.Tags ?? ticket.Tags;
        return TypedResults.Ok(new MacroPreviewResponse(macroId, comment, after.CommentPublic, changes,
            tags.Except(ticket.Tags, StringComparer.Ordinal).ToList(), ticket.Tags.Except(tags, StringComparer.Ordinal).ToList()));
    }
}
