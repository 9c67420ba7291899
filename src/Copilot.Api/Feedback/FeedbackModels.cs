using Copilot.Api.Hosting;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Feedback;

/// <summary>
/// Outcome and reason arrive as text so that a word outside the vocabulary gets a validation problem naming the
/// field; the OpenAPI document types them as the vocabulary's enums.
/// </summary>
public sealed record FeedbackRequest(
    string? EventId,
    [property: WireEnum(typeof(FeedbackOutcome))] string? Outcome,
    string? FinalText = null,
    [property: WireEnum(typeof(RejectionReason))] string? Reason = null,
    string? Comment = null);

public sealed record FeedbackResponse(
    string EventId,
    string SuggestionId,
    FeedbackOutcome Outcome,
    RejectionReason? Reason,
    int? EditDistance,
    double? EditRatio,
    bool Duplicate);

/// <summary>Limits of a feedback request; its words are the vocabulary's (<see cref="FeedbackOutcome"/>, <see cref="RejectionReason"/>).</summary>
public static class FeedbackLimits
{
    public const int MaxEventIdLength = 100;
    public const int MaxFinalTextLength = 50_000;
    public const int MaxCommentLength = 2_000;
}
