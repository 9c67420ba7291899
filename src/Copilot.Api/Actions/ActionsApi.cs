using System.Globalization;
using Copilot.Api.Actions.Lookups;
using Copilot.Api.Assist;
using Copilot.Api.Auth;
using Copilot.Api.Configuration;
using Copilot.Api.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Actions;

public static class ActionsApi
{
    public const int MaxShown = 50;

    public static WebApplicationBuilder AddActions(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<ActionsOptions>(ActionsOptions.Section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ActionsOptions>, LookupSettingsValidator>());
        // Never follows a redirect: a lookup reads only from the host the admin allowed.
        builder.Services.AddHttpClient(LookupClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllLoggers();
        builder.Services.AddSingleton<LookupClient>();
        builder.Services.AddSingleton<ActionStore>();
        builder.Services.AddSingleton<ActionProposer>();
        builder.Services.AddSingleton<ActionApplier>();
        builder.Services.AddSingleton<ActionService>();
        builder.Services.AddSingleton<Ask.IAskKernelExtension, ActionGate>();
        return builder;
    }

    /// <param name="tasks"><c>/api/tickets</c> with the model rate limits: proposing runs triage.</param>
    public static RouteGroupBuilder MapActionsProposalsApi(this RouteGroupBuilder tasks)
    {
        tasks.MapGet("/{id}/actions", GetActions)
            .WithName("GetActions")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Actions proposed for the ticket (triage, boundary rules, procedure steps, likely duplicates), each with what it will change.")
            .WithDescription("Records nothing: the sidebar reports what it displayed with POST /api/tickets/{id}/actions/shown. Nothing changes in the helpdesk until an action is approved.");
        return tasks;
    }

    /// <param name="tickets"><c>/api/tickets</c> (<see cref="Routes.RouteGroups.Tickets"/>).</param>
    public static RouteGroupBuilder MapActionsApi(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{id}/actions/shown", PostShown)
            .WithName("PostActionsShown")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Records the actions the sidebar displayed, each once, as suggestions of kind action; returns their suggestion ids.");
        tickets.MapPost("/{id}/actions/{actionId}/approve", PostApprove)
            .WithName("ApproveAction")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Applies the action through the helpdesk and records the approval (feedback: accepted). Approving again changes nothing more.");
        tickets.MapPost("/{id}/actions/{actionId}/decline", PostDecline)
            .WithName("DeclineAction")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Declines the action (feedback: rejected, with the reason given or other); the helpdesk is not called.");
        tickets.MapPost("/{id}/actions/{actionId}/inserted", PostInserted)
            .WithName("ActionInserted")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records that the agent inserted an approved lookup's answer into the reply (feedback on the action: accepted), once per action.");
        return tickets;
    }

    internal static async Task<Results<Ok<ActionsResponse>, ProblemHttpResult>> GetActions(
        string id, HttpContext http, AssistService assist, ActionService actions, CancellationToken cancellationToken)
    {
        if (TicketId(id) is not { } ticketId)
        {
            return BadTicket(id);
        }
        var tenant = http.GetTenant();
        if (await assist.GetAsync(tenant, ticketId, latestCommentId: null, refresh: false, cancellationToken) is not { } found)
        {
            return AssistApi.TicketNotFound(ticketId);
        }
        var listed = await actions.ListAsync(tenant, found.Context, cancellationToken);
        return TypedResults.Ok(new ActionsResponse(ticketId, listed.Select(ToDto).ToList()));
    }

    internal static async Task<Results<Ok<ActionsShownResponse>, ProblemHttpResult>> PostShown(
        string id, ActionsShownRequest? request, HttpContext http, ActionStore store, ActionService actions, CancellationToken cancellationToken)
    {
        var ids = request?.ActionIds ?? [];
        if (TicketId(id) is not { } ticketId)
        {
            return BadTicket(id);
        }
        if (ids.Count is 0 or > MaxShown || ids.Any(a => !ActionIds.IsWellFormed(a)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The display report is not valid",
                detail: $"actionIds lists the actions displayed (1 to {MaxShown}), each an id such as ac_0123456789abcdef01234567.");
        }
        var tenant = http.GetTenant();
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var actionId in ids.Distinct(StringComparer.Ordinal))
        {
            if (await store.FindAsync(tenant.Id, ticketId, actionId, cancellationToken) is not { } action)
            {
                return ActionNotFound(ticketId, actionId);
            }
            shown[actionId] = await actions.ShownAsync(tenant, action, http.GetAgentId(), cancellationToken);
        }
        return TypedResults.Ok(new ActionsShownResponse(shown));
    }

    internal static Task<Results<Ok<ActionDecisionResponse>, ProblemHttpResult>> PostApprove(
        string id, string actionId, HttpContext http, ActionStore store, ActionService actions, CancellationToken cancellationToken) =>
        DecideAsync(id, actionId, http, store, cancellationToken, action => actions.ApproveAsync(http.GetTenant(), action, http.GetAgentId(), cancellationToken));

    internal static async Task<Results<Ok<ActionDecisionResponse>, ProblemHttpResult>> PostDecline(
        string id, string actionId, ActionDecisionRequest? request, HttpContext http, ActionStore store, ActionService actions, CancellationToken cancellationToken)
    {
        if (request?.Reason is { } reason && !Wire.TryParse<RejectionReason>(reason, out _) || request?.Comment is { Length: > Feedback.FeedbackLimits.MaxCommentLength })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The decline is not valid",
                detail: $"reason is one of {string.Join(", ", Wire.AllNames<RejectionReason>())}; comment at most {Feedback.FeedbackLimits.MaxCommentLength} characters.");
        }
        return await DecideAsync(id, actionId, http, store, cancellationToken,
            action => actions.DeclineAsync(http.GetTenant(), action, http.GetAgentId(), request?.Reason, request?.Comment, cancellationToken));
    }

    internal static Task<Results<Ok<ActionDecisionResponse>, ProblemHttpResult>> PostInserted(
        string id, string actionId, HttpContext http, ActionStore store, ActionService actions, CancellationToken cancellationToken) =>
        DecideAsync(id, actionId, http, store, cancellationToken, async action =>
            await actions.InsertedAsync(http.GetTenant(), action, http.GetAgentId(), cancellationToken) ?? new ActionDecision(action, Duplicate: false, Conflict: true),
            ("Only an approved lookup's answer can be inserted", "only a lookup the agent approved, and that answered, has an answer to insert."));

    private static async Task<Results<Ok<ActionDecisionResponse>, ProblemHttpResult>> DecideAsync(
        string id, string actionId, HttpContext http, ActionStore store, CancellationToken cancellationToken, Func<StoredAction, Task<ActionDecision>> decide,
        (string Title, string Detail)? conflictText = null)
    {
        if (TicketId(id) is not { } ticketId)
        {
            return BadTicket(id);
        }
        if (!ActionIds.IsWellFormed(actionId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an action id",
                detail: "An action id is ac_ followed by 24 lower-case hex digits, as the actions list gives it.");
        }
        if (await store.FindAsync(http.GetTenant().Id, ticketId, actionId, cancellationToken) is not { } action)
        {
            return ActionNotFound(ticketId, actionId);
        }
        var decision = await decide(action);
        var conflict = conflictText ?? ("The action was decided otherwise", "it cannot be decided again.");
        return decision.Conflict
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: conflict.Title,
                detail: $"Action {actionId} is {Wire.Name(decision.Action.State)}; {conflict.Detail}")
            : TypedResults.Ok(new ActionDecisionResponse(ToDto(decision.Action), decision.Duplicate));
    }

    private static long? TicketId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private static ProblemHttpResult BadTicket(string id) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "Not a ticket id", detail: $"'{(id.Length > 40 ? id[..40] + "…" : id)}' is not a ticket id: a positive whole number.");

    private static ProblemHttpResult ActionNotFound(long ticketId, string actionId) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Action not found", detail: $"Ticket {ticketId} has no action '{actionId}' for this account.");

    internal static ActionDto ToDto(StoredAction a)
    {
        var p = a.Proposal;
        return new ActionDto(p.Id, p.Kind, p.Source, p.Description, p.Changes, a.State, p.ProcedureId, p.ProcedureVersion, p.Step, p.RuleId,
            p.Score, p.OtherTicketId, p.OtherTicketUrl, a.SuggestionId, a.Result, p.Name, p.Target.LookupParameters, p.FieldTitle);
    }
}
