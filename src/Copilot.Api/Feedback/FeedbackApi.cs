using Copilot.Api.Auth;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Api.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Feedback;

public static class FeedbackApi
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FeedbackStore>();
        return builder;
    }

    /// <param name="suggestions"><c>/api/suggestions</c> (<see cref="Routes.RouteGroups.Suggestions"/>).</param>
    public static RouteGroupBuilder MapFeedbackApi(this RouteGroupBuilder suggestions)
    {
        suggestions.MapPost("/{id}/feedback", PostFeedback)
            .WithName("PostFeedback")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record what the agent did with a suggestion (idempotent by eventId).");
        return suggestions;
    }

    internal static async Task<Results<Created<FeedbackResponse>, Ok<FeedbackResponse>, ValidationProblem, ProblemHttpResult>> PostFeedback(
        string id, FeedbackRequest request, HttpContext http, SuggestionStore suggestions, FeedbackStore feedback, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = FeedbackValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The feedback is not valid");
        }
        var tenant = http.GetTenant();
        if (await suggestions.FindAsync(tenant.Id, id, cancellationToken) is not { } suggestion)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Suggestion not found", detail: $"No suggestion '{id}' exists for this account.");
        }
        // The backend measures every edit itself, from the suggestion it recorded and the text the agent sent.
        var outcome = Wire.Parse<FeedbackOutcome>(request.Outcome!);
        EditSize.Result? edit = outcome switch
        {
            FeedbackOutcome.Edited => EditSize.Measure(suggestion.Text, request.FinalText!),
            FeedbackOutcome.Accepted => new EditSize.Result(0, 0),
            _ => null,
        };
        var (stored, duplicate) = await feedback.AddAsync(new FeedbackEvent(
            tenant.Id, request.EventId!, suggestion.Id, http.GetAgentId(), Wire.Name(outcome), request.FinalText,
            edit?.Distance, edit?.Ratio, request.Reason, request.Comment, time.GetUtcNow()), cancellationToken);
        if (duplicate && stored.SuggestionId != suggestion.Id)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Event id already used",
                detail: $"Event '{request.EventId}' was recorded for another suggestion; each event needs its own id.");
        }
        var response = new FeedbackResponse(stored.EventId, stored.SuggestionId, Wire.Parse<FeedbackOutcome>(stored.Outcome),
            stored.Reason is null ? null : Wire.Parse<RejectionReason>(stored.Reason), stored.EditDistance, stored.EditRatio, duplicate);
        return duplicate
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/suggestions/{suggestion.Id}/feedback/{stored.EventId}", response);
    }
}
