namespace Copilot.Api.Feedback;

public sealed record FeedbackRequest(string? EventId, string? Outcome, string? FinalText, string? Reason, string? Comment);

public sealed record FeedbackResponse(
    string EventId,
    string SuggestionId,
    string Outcome,
    string? Reason,
    int? EditDistance,
    double? EditRatio,
    bool Duplicate);

public static class FeedbackVocabulary
{
    public static readonly string[] Outcomes = ["accepted", "edited", "rejected"];
    public static readonly string[] Reasons = ["wrong-facts", "wrong-tone", "outdated-article", "missing-context", "policy", "other"];
    public const int MaxEventIdLength = 100;
    public const int MaxFinalTextLength = 50_000;
    public const int MaxCommentLength = 2_000;
}
