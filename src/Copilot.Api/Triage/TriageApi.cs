using Copilot.Api.Assist;
using Copilot.Api.Auth;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Triage;

public static class TriageApi
{
    public static WebApplicationBuilder AddTriage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TicketFieldCache>();
        builder.Services.AddSingleton<TriageService>();
        return builder;
    }

    /// <param name="ticketTasks"><c>/api/tickets</c>, with the model limits (<see cref="Routes.RouteGroups.TicketTasks"/>).</param>
    public static RouteGroupBuilder MapTriageApi(this RouteGroupBuilder ticketTasks)
    {
        ticketTasks.MapPost("/{id:long}/triage", PostTriage)
            .WithName("PostTriage")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Intent, sentiment, language and priority of a ticket, each with a confidence; boundary warnings beside them.");
        return ticketTasks;
    }

    internal static async Task<Results<Ok<TriageResponse>, ProblemHttpResult>> PostTriage(
        long id, HttpContext http, AssistService assist, TriageService triage, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return AssistApi.TicketNotFound(id);
        }
        var tenant = http.GetTenant();
        var agent = http.GetAgentId();
        if (await assist.GetAsync(tenant, id, latestCommentId: null, refresh: false, cancellationToken) is not { } result)
        {
            return AssistApi.TicketNotFound(id);
        }
        return TypedResults.Ok(await triage.TriageAsync(tenant, result.Context, agent, cancellationToken));
    }
}
