using Copilot.Api.Auth;
using Copilot.Api.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Assist;

public static class AssistApi
{
    public static WebApplicationBuilder AddAssist(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<AssistOptions>(AssistOptions.Section);
        builder.Services.AddSingleton<AssistCache>();
        builder.Services.AddSingleton<AssistService>();
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
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Summary, warnings, language, articles, macros and similar tickets for a ticket.")
            .WithDescription("When the helpdesk fails or the assist takes longer than its deadline, the last assist of the ticket "
                + "is served with stale: true and the reason; with none, a 503 problem with Retry-After.");
        return tickets;
    }

    internal static async Task<Results<Ok<AssistResponse>, FileContentHttpResult, ProblemHttpResult>> GetAssist(
        long id, long? latestCommentId, bool? refresh, HttpContext http, AssistService assist,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return TicketNotFound(id);
        }
        var result = await assist.GetOrStaleAsync(http.GetTenant(), id, latestCommentId, refresh ?? false, http.GetAgentId(), cancellationToken);
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
