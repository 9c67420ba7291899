using Copilot.Api.Assist;
using Copilot.Api.Drafts;
using Copilot.Api.ModelTasks;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Ask;

/// <summary>
/// A question about the ticket or the team's knowledge. <see cref="ConversationId"/> continues an earlier conversation on
/// this ticket (the agent's own, not idle too long): the question is then read with the earlier ones.
/// </summary>
public sealed record AskRequest(string? Question, string? ConversationId = null);

/// <summary>Whether the copilot answered (<c>answered</c>) or found nothing in the knowledge that covers the question (<c>unknown</c>).</summary>
public enum AnswerStatus { Answered, Unknown }

/// <summary>A passage an offline answer quotes, and the source it is from.</summary>
public sealed record AnswerQuoteDto(string Text, string SourceId, [property: WireEnum(typeof(Knowledge.SourceKinds), nameof(Knowledge.SourceKinds.IndexedNames))] string Kind, string Title, string? Url);

/// <summary>
/// The answer. <c>answered</c> carries <see cref="SuggestionId"/> (for its feedback: used when inserted or copied, judged
/// by thumbs) and its <see cref="Citations"/>, which the agent can open and insert; <c>unknown</c> says so in
/// <see cref="Text"/> and cites nothing. <see cref="FollowUp"/> is true when earlier questions of the conversation were
/// used to read this one. Offline answers quote passages (<see cref="Quotes"/>) and <see cref="Provider"/> says offline.
/// </summary>
public sealed record AskResponse(
    [property: WireEnum(typeof(AnswerStatus))] string Status,
    string ConversationId,
    int Turn,
    bool FollowUp,
    string? SuggestionId,
    string Text,
    IReadOnlyList<CitationDto> Citations,
    ProviderDto Provider,
    string Label,
    IReadOnlyList<AnswerQuoteDto>? Quotes = null,
    IReadOnlyList<string>? Flags = null,
    IReadOnlyList<DraftFlag>? FlagDetails = null,
    UsageDto? Usage = null)
{
    /// <summary>Offline answers: the question's words no quoted source mentions (the quotes may not be about them); null when every word is.</summary>
    public IReadOnlyList<string>? NotCovered { get; init; }
}

/// <summary>What an ask stream says, in order: the sources retrieved for the question, text deltas, then the answer.</summary>
public abstract record AskEvent;

public sealed record AskSourcesEvent(IReadOnlyList<CitationDto> Sources) : AskEvent;

public sealed record AskDeltaEvent(string Text) : AskEvent;

public sealed record AskDoneEvent(AskResponse Response) : AskEvent;

/// <summary>The ask's server-sent events, in the draft's wire format: <c>sources</c>, <c>delta</c> {text}…, <c>done</c> (the answer), or <c>error</c>.</summary>
public sealed class AskEventStream(IAsyncEnumerable<AskEvent> events) : Hosting.EventStream<AskEvent>(events)
{
    protected override (string Name, object Data) Describe(AskEvent e) => e switch
    {
        AskSourcesEvent s => ("sources", new { sources = s.Sources }),
        AskDeltaEvent d => ("delta", new { text = d.Text }),
        AskDoneEvent done => ("done", done.Response),
        _ => throw new InvalidOperationException($"Unknown ask event {e.GetType().Name}."),
    };

    protected override (string Title, string Detail) Failure => ("The answer failed", "Answering the question failed; try again.");
}
