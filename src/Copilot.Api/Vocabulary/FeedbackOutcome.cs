namespace Copilot.Api.Vocabulary;

/// <summary>What an agent did with a suggestion (docs/analytics.md: used, used as is, edited, rejected).</summary>
public enum FeedbackOutcome
{
    /// <summary>Used as it was suggested.</summary>
    Accepted,

    /// <summary>Used after changes; the edit is measured by <see cref="EditSize"/>.</summary>
    Edited,

    /// <summary>Not used, with a <see cref="RejectionReason"/>.</summary>
    Rejected,
}

/// <summary>Why an agent rejected a suggestion: one click in the sidebar. A stored reason outside this list counts as <see cref="Other"/>.</summary>
public enum RejectionReason
{
    WrongFacts,
    WrongTone,
    OutdatedArticle,
    MissingContext,
    Policy,
    Other,
}

/// <summary>What a suggestion is; the wire names are <see cref="Suggestions.SuggestionKinds"/>' constants.</summary>
public enum SuggestionKind
{
    Summary,
    Draft,
    Articles,
    Macros,
    SimilarTickets,
    Handoff,
    Rewrite,
    Triage,

    /// <summary>An answer to a question the agent asked in the sidebar (<c>POST /api/tickets/{id}/ask</c>).</summary>
    Answer,

    /// <summary>The procedure the sidebar showed as the steps to follow for the ticket.</summary>
    Procedure,
    /// <summary>An action proposed to the agent (<c>Actions/</c>): approved is accepted, declined is rejected.</summary>
    Action,
}
