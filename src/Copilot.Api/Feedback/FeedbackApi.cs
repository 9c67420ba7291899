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
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
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
        var outcome = Wire.Parse<FeedbackOutcome>(request.Outcome!);
        // The backend measures every edit itself, from the suggestion it recorded and the text the agent sent.
        // Other outcomes need nothing of the suggestion: the store checks that it is the tenant's as it writes.
        EditSize.Result? edit = outcome == FeedbackOutcome.Accepted ? new EditSize.Result(0, 0) : null;
        if (outcome == FeedbackOutcome.Edited)
        {
            if (await suggestions.FindTextAsync(tenant.Id, id, cancellationToken) is not { } suggested)
            {
                return SuggestionNotFound(id);
            }
            edit = EditSize.Measure(suggested, request.FinalText!);
        }
        var (stored, duplicate) = await feedback.AddAsync(new FeedbackEvent(
            tenant.Id, request.EventId!, id, http.GetAgentId(), Wire.Name(outcome), request.FinalText,
            edit?.Distance, edit?.Ratio, request.Reason, request.Comment, time.GetUtcNow()), cancellationToken);
        if (stored is null)
        {
            return SuggestionNotFound(id);
        }
        if (duplicate && stored.SuggestionId != id)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Event id already used",
                detail: $"Event '{request.EventId}' was recorded for another suggestion; each event needs its own id.");
        }
        var response = new FeedbackResponse(stored.EventId, stored.SuggestionId, Wire.Parse<FeedbackOutcome>(stored.Outcome),
            stored.Reason is null ? null : Wire.Parse<RejectionReason>(stored.Reason), stored.EditDistance, stored.EditRatio, duplicate);
        return duplicate
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/suggestions/{id}/feedback/{stored.EventId}", response);
    }

    private static ProblemHttpResult SuggestionNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Suggestion not found", detail: $"No suggestion '{id}' exists for this account.");
}
