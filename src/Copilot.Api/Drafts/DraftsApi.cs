using Copilot.Api.Assist;
using Copilot.Api.Auth;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Drafts;

public static class DraftsApi
{
    public const int MaxInstructions = 2_000;

    public static WebApplicationBuilder AddDrafts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DraftService>();
        return builder;
    }

    /// <param name="ticketTasks"><c>/api/tickets</c>, with the model limits (<see cref="Routes.RouteGroups.TicketTasks"/>).</param>
    public static RouteGroupBuilder MapDraftsApi(this RouteGroupBuilder ticketTasks)
    {
        ticketTasks.MapPost("/{id:long}/draft", PostDraft)
            .WithName("PostDraft")
            .Produces<DraftResponse>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A reply draft grounded in the ticket's knowledge, or the reason there is none. Streams (text/event-stream) when asked.");
        return ticketTasks;
    }

    internal static async Task<Results<Ok<DraftResponse>, DraftEventStream, ValidationProblem, ProblemHttpResult>> PostDraft(
        long id, DraftRequest? request, HttpContext http, AssistService assist, DraftService drafts, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return AssistApi.TicketNotFound(id);
        }
        if (request?.Instructions is { Length: > MaxInstructions })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Instructions too long",
                detail: $"Instructions may hold at most {MaxInstructions} characters.");
        }
        // Checked before the assist, which records what it shows: a refused request leaves nothing behind.
        var (agentName, nameError) = AgentName.Of(http, request?.AgentName);
        if (nameError is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [AgentName.Field] = [nameError] },
                title: "The draft request is not valid", detail: "agentName is the signed-in agent's name, as the helpdesk shows it.");
        }
        var tenant = http.GetTenant();
        var agent = http.GetAgentId();
        if (await assist.GetAsync(tenant, id, latestCommentId: null, refresh: false, cancellationToken) is not { } result)
        {
            return AssistApi.TicketNotFound(id);
        }
        var events = drafts.StreamAsync(tenant, result.Context, agent, agentName, request?.Instructions, cancellationToken);
        if (WantsStream(http.Request))
        {
            return new DraftEventStream(events);
        }
        await foreach (var e in events)
        {
            if (e is DraftDoneEvent done)
            {
                return TypedResults.Ok(done.Response);
            }
        }
        throw new InvalidOperationException("A draft ended without its final event.");
    }

    /// <summary>Streams when text/event-stream is acceptable at least as much as JSON.</summary>
    internal static bool WantsStream(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var stream = accept.FirstOrDefault(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));
        if (stream is null)
        {
            return false;
        }
        var json = accept.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return (stream.Quality ?? 1) >= json;
    }
}
