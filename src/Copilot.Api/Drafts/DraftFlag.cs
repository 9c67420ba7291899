using Copilot.Api.Drafts.Guards;

namespace Copilot.Api.Drafts;

/// <summary>What a guardrail found in a draft (published as an OpenAPI enum).</summary>
public enum DraftFlagCode
{
    /// <summary>Lines quoting the copilot's own instructions were removed.</summary>
    InstructionsRemoved,

    /// <summary>A citation pointed at no retrieved source and was removed; the span is the marker.</summary>
    CitationRemoved,

    /// <summary>A link not in the sources was removed; the span is the link.</summary>
    LinkRemoved,

    /// <summary>A promise (refund, credit, discount, date, exception) no cited article or macro backs.</summary>
    UnbackedPromise,

    /// <summary>A promise of the kind the customer demanded: the agent confirms it against the policy.</summary>
    RequestedPromise,

    /// <summary>The draft cites none of the sources it was given.</summary>
    NoCitation,

    /// <summary>Nothing relevant was retrieved: the draft lists what it needs instead of answering.</summary>
    NeedsInput,

    /// <summary>The model stopped mid-answer; the offline draft is shown instead.</summary>
    ModelInterrupted,

    /// <summary>The offline draft failed a sendability check (greeting, closing, language, raw placeholder…).</summary>
    CheckBeforeSending,
}

/// <summary>
/// One guardrail finding on a draft: its <see cref="Code"/>, for promises their <see cref="Kind"/>, the words of the
/// draft it is about (<see cref="Span"/>, when there are such words), and the <see cref="Reason"/> in plain words —
/// the same sentence as in the response's <c>flags</c>.
/// </summary>
public sealed record DraftFlag(DraftFlagCode Code, string Reason, CommitmentKind? Kind = null, string? Span = null)
{
    public static DraftFlag Unbacked(CommitmentFlag c) => new(DraftFlagCode.UnbackedPromise,
        $"Promises a {Name(c.Kind)} no cited source backs: \"{c.Phrase}\". Check before sending.", c.Kind, c.Phrase);

    public static DraftFlag Requested(CommitmentFlag c) => new(DraftFlagCode.RequestedPromise,
        $"Promises a {Name(c.Kind)} the customer asked for: \"{c.Phrase}\". Confirm it against the policy before sending.", c.Kind, c.Phrase);

    private static string Name(CommitmentKind kind) => kind.ToString().ToLowerInvariant();
}
