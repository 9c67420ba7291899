using System.Text.RegularExpressions;
using Copilot.Api.Ask.Offline;
using Copilot.Api.Assist;
using Copilot.Api.Auth;
using Copilot.Api.Configuration;
using Copilot.Api.Drafts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Ask;

public static partial class AskApi
{
    public const int MaxQuestion = 2_000;

    public static WebApplicationBuilder AddAsk(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<AskOptions>(AskOptions.Section);
        builder.Services.AddSingleton<AskConversations>();
        builder.Services.AddSingleton<AskRetrieval>();
        builder.Services.AddSingleton<ExtractiveAnswerer>();
        builder.Services.AddSingleton<AskService>();
        return builder;
    }

    /// <param name="ticketTasks"><c>/api/tickets</c>, with the model limits (<see cref="Routes.RouteGroups.TicketTasks"/>).</param>
    public static RouteGroupBuilder MapAskApi(this RouteGroupBuilder ticketTasks)
    {
        ticketTasks.MapPost("/{id:long}/ask", PostAsk)
            .WithName("PostAsk")
            .Produces<AskResponse>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An answer to the agent's question from the tenant's knowledge, the ticket and the requester's tickets, with citations. Streams (text/event-stream) when asked.")
            .WithDescription($"question: 1 to {MaxQuestion} characters. conversationId (from an earlier answer) continues that conversation on this ticket "
                + "for the same agent while it is not idle too long; otherwise a new one starts. Each answer is recorded as a suggestion of kind answer, "
                + "shown by this request; status unknown (nothing in the knowledge covers the question) carries no suggestion.");
        return ticketTasks;
    }

    internal static async Task<Results<Ok<AskResponse>, AskEventStream, ValidationProblem, ProblemHttpResult>> PostAsk(
        long id, AskRequest? request, HttpContext http, AssistService assist, AskService asks, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return AssistApi.TicketNotFound(id);
        }
        var question = request?.Question?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (question.Length == 0)
        {
            errors["question"] = ["Ask a question: it may not be empty."];
        }
        else if (question.Length > MaxQuestion)
        {
            errors["question"] = [$"A question may hold at most {MaxQuestion} characters (this one has {question.Length})."];
        }
        if (request?.ConversationId is { } conversation && !ConversationId().IsMatch(conversation))
        {
            errors["conversationId"] = ["conversationId is the id an earlier answer gave (cv_ and 32 hex digits), or absent to start a conversation."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The question is not valid");
        }
        var tenant = http.GetTenant();
        if (await assist.GetAsync(tenant, id, latestCommentId: null, refresh: false, cancellationToken) is not { } result)
        {
            return AssistApi.TicketNotFound(id);
        }
        var events = asks.StreamAsync(tenant, result.Context, http.GetAgentId(), question, request?.ConversationId, cancellationToken);
        if (DraftsApi.WantsStream(http.Request))
        {
            return new AskEventStream(events);
        }
        await foreach (var e in events)
        {
            if (e is AskDoneEvent done)
            {
                return TypedResults.Ok(done.Response);
            }
        }
        throw new InvalidOperationException("An answer ended without its final event.");
    }

    [GeneratedRegex("^cv_[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ConversationId();
}
