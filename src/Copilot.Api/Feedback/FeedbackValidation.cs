namespace Copilot.Api.Feedback;

internal static class FeedbackValidation
{
    /// <returns>field → messages; empty when the request is acceptable.</returns>
    public static Dictionary<string, string[]> Validate(FeedbackRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.EventId))
        {
            errors["eventId"] = ["Required: a client-generated id that makes retries count once."];
        }
        else if (request.EventId.Length > FeedbackVocabulary.MaxEventIdLength || !request.EventId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            errors["eventId"] = [$"At most {FeedbackVocabulary.MaxEventIdLength} characters of letters, digits, '-', '_', '.', ':'."];
        }
        if (request.Outcome is null || !FeedbackVocabulary.Outcomes.Contains(request.Outcome))
        {
            errors["outcome"] = [$"One of: {string.Join(", ", FeedbackVocabulary.Outcomes)}."];
        }
        if (request.Outcome == "edited" && string.IsNullOrWhiteSpace(request.FinalText))
        {
            errors["finalText"] = ["Required when the outcome is 'edited': the text the agent actually sent."];
        }
        if (request.FinalText is { Length: > FeedbackVocabulary.MaxFinalTextLength })
        {
            errors["finalText"] = [$"At most {FeedbackVocabulary.MaxFinalTextLength} characters."];
        }
        if (request.Outcome == "rejected" && (request.Reason is null || !FeedbackVocabulary.Reasons.Contains(request.Reason)))
        {
            errors["reason"] = [$"Required when rejecting; one of: {string.Join(", ", FeedbackVocabulary.Reasons)}."];
        }
        else if (request.Outcome != "rejected" && request.Reason is not null)
        {
            errors["reason"] = ["Only rejected suggestions carry a reason."];
        }
        if (request.Comment is { Length: > FeedbackVocabulary.MaxCommentLength })
        {
            errors["comment"] = [$"At most {FeedbackVocabulary.MaxCommentLength} characters."];
        }
        return errors;
    }
}
