using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Drafts.Offline;

/// <summary>
/// Everything a draft may draw on; <see cref="Sources"/> are numbered 1..n in that order. <see cref="CitationStyle"/>:
/// how the article an answer links is named (its link, its title, or not at all).
/// </summary>
public sealed record DraftInput(
    HelpdeskThread Thread,
    IReadOnlyList<KnowledgeHit> Sources,
    DetectedLanguage Language,
    string? AgentName,
    bool IncludeInternalNotes,
    CitationStyle CitationStyle = CitationStyle.Link)
{
    /// <summary>The procedure that applies to the ticket: the draft asks the customer for what its steps ask for.</summary>
    public Procedures.Procedure? Procedure { get; init; }

    /// <summary>Whether a source the embedding model vouches for fits the question though it shares few of its words (the tenant's <c>OfflineDraftsFromMeaning</c>).</summary>
    public bool FromMeaning { get; init; } = true;

    /// <summary>Whether the reply opens with an apology, and for what (<see cref="Apologies.Of"/>).</summary>
    public Apology Apology { get; init; }

    /// <summary>What the customer asks, when the caller has read it already (the sources were chosen by it); read from the thread otherwise.</summary>
    internal Threads.Question? Question { get; init; }
}

/// <summary>What an offline draft is: an answer from a source, a holding reply that asks for details, a short
/// acknowledgement of a "thanks, solved" message, a pointer to a source only available in another language, or a check-in
/// when our answer is the last word and the customer has not written since, or only an offer of more help when that answer closed
/// the conversation (the ticket is solved, or it answered "thanks, it works now"), or the thanks owed for a suggestion for the
/// product, or for a new ticket's thanks or praise, when that is all the customer's latest messages leave to answer (<see cref="Threads.ThanksOnly.Suggests"/>).</summary>
public enum DraftKind { Answer, Holding, Acknowledgement, OtherLanguage, FollowUp, Closed, Feedback }

/// <summary>A sentence written for agents (a guideline or procedure step), from the source it was found in.</summary>
public sealed record GuidanceNote(string SourceId, string Text);

/// <summary>
/// A draft and the sources (by <see cref="KnowledgeHit.SourceId"/>) it used; what the sources say to the agent
/// (<see cref="Guidance"/>), and the past replies shown as colleagues' cases rather than pasted (<see cref="ColleagueCaseIds"/>).
/// </summary>
public sealed record DraftText(string Text, IReadOnlyList<string> CitedSourceIds)
{
    public DraftKind Kind { get; init; } = DraftKind.Answer;

    /// <summary>The one language the draft is written in (greeting, body and closing).</summary>
    public string Language { get; init; } = "en";
    public IReadOnlyList<GuidanceNote> Guidance { get; init; } = [];
    public IReadOnlyList<string> ColleagueCaseIds { get; init; } = [];

    /// <summary>The draft asks what the procedure's steps ask of the customer (it followed <see cref="DraftInput.Procedure"/>).</summary>
    public bool FollowedProcedure { get; init; }

    /// <summary>
    /// The answer's source fits the question only by the embedding model's similarity: it shares few of the question's words
    /// (<see cref="DraftInput.FromMeaning"/>), so the agent should check that it answers what was asked.
    /// </summary>
    public bool FoundByMeaning { get; init; }
}

public interface IOfflineDrafter
{
    DraftText Draft(DraftInput input);
}
