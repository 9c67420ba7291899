using Copilot.Api.Auth;
using Copilot.Api.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Copilot.Api.Tenants;
using Copilot.Api.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Assist;

public static class AssistApi
{
    public static WebApplicationBuilder AddAssist(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<AssistOptions>(AssistOptions.Section);
        builder.Services.AddSingleton<AssistCache>();
        builder.Services.AddSingleton<AssistService>();
        builder.Services.AddSingleton<AssistShown>();
        builder.Services.AddSingleton<AssistRefresher>();
        builder.Services.TryAddSingleton<Webhooks.ITicketActivity>(sp => sp.GetRequiredService<AssistRefresher>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AssistRefresher>());
        return builder;
    }

    /// <param name="tickets"><c>/api/tickets</c> (<see cref="Routes.RouteGroups.Tickets"/>).</param>
    public static RouteGroupBuilder MapAssistApi(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/{id:long}/assist", GetAssist)
            .WithName("GetAssist")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Summary, warnings, language, articles, macros and similar tickets for a ticket.")
            .WithDescription("When the helpdesk fails or the assist takes longer than its deadline, the last assist of the ticket "
                + "is served with stale: true and the reason; with none, a 503 problem with Retry-After. Nothing is recorded: "
                + "the sidebar reports what it displayed with POST /api/tickets/{id}/assist/{assistId}/shown.");
        tickets.MapPost("/{id:long}/assist/{assistId}/shown", PostShown)
            .WithName("PostAssistShown")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records the items of an assist the sidebar displayed to the agent, once per assist, agent and item.")
            .WithDescription("Kinds: summary, articles, macros, similar-tickets, handoff, procedure. Returns each displayed item's suggestion id, for its "
                + "feedback. Reporting the same display again returns the same ids and records nothing. 409 when the ticket's assist "
                + "has been worked out again since (reload it).");
        return tickets;
    }

    internal static async Task<Results<Ok<ShownResponse>, ProblemHttpResult>> PostShown(
        long id, string assistId, ShownRequest? request, HttpContext http, AssistCache cache, AssistShown shown, CancellationToken cancellationToken)
    {
        // A word outside the vocabulary never gets here: reading the body fails with a 400 that names it (CopilotExceptionHandler).
        var kinds = request?.Kinds ?? [];
        var items = string.Join(", ", AssistShown.Kinds.Select(Wire.Name));
        var bad = kinds.Where(k => !AssistShown.Kinds.Contains(k)).Select(Wire.Name).FirstOrDefault();
        if (kinds.Count == 0 || kinds.Count > 16 || bad is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The display report is not valid",
                detail: bad is not null
                    ? $"\"{bad}\" is not an item of an assist; kinds are {items}."
                    : $"kinds lists the items displayed (at most 16), from {items}.");
        }
        var tenant = http.GetTenant();
        if (id <= 0 || await cache.GetLastAsync(tenant.Id, id) is not { } context || context.AssistId != assistId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The assist has changed",
                detail: "This ticket's suggestions have been worked out again since they were shown; reload them.");
        }
        var ids = await shown.RecordAsync(tenant, context, http.GetAgentId(), kinds, cancellationToken);
        string? Id(SuggestionKind kind) => ids.GetValueOrDefault(kind);
        return TypedResults.Ok(new ShownResponse(
            Id(SuggestionKind.Summary), Id(SuggestionKind.Articles), Id(SuggestionKind.Macros), Id(SuggestionKind.SimilarTickets))
        {
            Handoff = Id(SuggestionKind.Handoff),
            Procedure = Id(SuggestionKind.Procedure),
        });
    }

    internal static async Task<Results<Ok<AssistResponse>, FileContentHttpResult, ProblemHttpResult>> GetAssist(
        long id, long? latestCommentId, bool? refresh, HttpContext http, AssistService assist,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return TicketNotFound(id);
        }
        var result = await assist.GetOrStaleAsync(http.GetTenant(), id, latestCommentId, refresh ?? false, cancellationToken);
        return result switch
        {
            null => TicketNotFound(id),
            { StaleReason: { } reason } r => TypedResults.Ok(r.Context.ToResponse(cached: true, reason)),
            { Cached: true } r => TypedResults.Bytes(r.Context.CachedResponseJson(json.Value.SerializerOptions), "application/json"),
            { } r => TypedResults.Ok(r.Context.ToResponse(cached: false)),
        };
    }

    internal static ProblemHttpResult TicketNotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ticket not found", detail: $"The helpdesk has no ticket {id}.");
}
