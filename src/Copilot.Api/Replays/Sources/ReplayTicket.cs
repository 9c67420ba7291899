using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Replays.Sources;

/// <summary>
/// One solved ticket to replay: its whole thread as it ended, and what is known of it besides — its intent (the ticket's
/// intent field, or the tag that names one of the tenant's intents), its group, whether it was escalated, and the articles
/// its agent used when the source says so (a JSONL file can; otherwise they are found in the agent's reply).
/// </summary>
public sealed record ReplayTicket(string Id, HelpdeskThread Thread)
{
    public string? Intent { get; init; }
    public string? Group { get; init; }

    /// <summary>True or false when the source says; null: read from the ticket's tags.</summary>
    public bool? Escalated { get; init; }

    /// <summary>Ids or links of the articles the agent used; null when the source does not say.</summary>
    public IReadOnlyList<string>? UsedArticles { get; init; }
}

/// <summary>A ticket a run may choose, before its thread is read: when it was solved, its intent and group.</summary>
public sealed record ReplayCandidate(string Id, DateTimeOffset SolvedAt, string? Intent, string? Group)
{
    /// <summary>The ticket itself when the source already holds it (a JSONL line); null: read it from the helpdesk.</summary>
    public string? Input { get; init; }
}
