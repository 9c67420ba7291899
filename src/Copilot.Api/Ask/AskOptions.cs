using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Ask;

/// <summary>The <c>Copilot:Ask</c> section: how long a conversation is remembered and how much an answer quotes.</summary>
public sealed class AskOptions
{
    public const string Section = "Copilot:Ask";

    /// <summary>A conversation not asked in for this long is forgotten: the next question starts a new one.</summary>
    [Range(1, 24 * 60)]
    public int ConversationIdleMinutes { get; set; } = 30;

    /// <summary>Conversations remembered at most (all tenants); past it, the longest idle one is forgotten first.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Earlier questions and answers a conversation keeps (the newest); a follow-up is read with them.</summary>
    [Range(1, 50)]
    public int MaxTurns { get; set; } = 6;

    /// <summary>Sources retrieved per kind (articles and documents, macros, past replies) for a question.</summary>
    [Range(1, 20)]
    public int SourcesPerKind { get; set; } = 3;

    /// <summary>Sentences an offline answer quotes at most.</summary>
    [Range(1, 10)]
    public int QuotedSentences { get; set; } = 3;

    /// <summary>Rounds of tool calls the model may make for one answer before it must answer.</summary>
    [Range(1, 10)]
    public int MaxToolRounds { get; set; } = 4;
}
