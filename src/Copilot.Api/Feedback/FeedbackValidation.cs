using Copilot.Api.Vocabulary;

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
        else if (request.EventId.Length > FeedbackLimits.MaxEventIdLength || !request.EventId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            errors["eventId"] = [$"At most {FeedbackLimits.MaxEventIdLength} characters of letters, digits, '-', '_', '.', ':'."];
        }
        FeedbackOutcome? outcome = Wire.TryParse<FeedbackOutcome>(request.Outcome, out var o) ? o : null;
        if (outcome is null)
        {
            errors["outcome"] = [$"One of: {string.Join(", ", Wire.AllNames<FeedbackOutcome>())}."];
        }
        if (outcome == FeedbackOutcome.Edited && string.IsNullOrWhiteSpace(request.FinalText))
        {
            errors["finalText"] = ["Required when the outcome is 'edited': the text the agent actually sent."];
        }
        if (request.FinalText is { Length: > FeedbackLimits.MaxFinalTextLength })
        {
            errors["finalText"] = [$"At most {FeedbackLimits.MaxFinalTextLength} characters."];
        }
        if (outcome == FeedbackOutcome.Rejected && !Wire.TryParse<RejectionReason>(request.Reason, out _))
        {
            errors["reason"] = [$"Required when rejecting; one of: {string.Join(", ", Wire.AllNames<RejectionReason>())}."];
        }
        else if (outcome != FeedbackOutcome.Rejected && request.Reason is not null)
        {
            errors["reason"] = ["Only rejected suggestions carry a reason."];
        }
        if (request.Comment is { Length: > FeedbackLimits.MaxCommentLength })
        {
            errors["comment"] = [$"At most {FeedbackLimits.MaxCommentLength} characters."];
        }
        return errors;
    }
}
