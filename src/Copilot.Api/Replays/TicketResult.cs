namespace Copilot.Api.Replays;

/// <summary>
/// What replaying one solved ticket showed, stored with the run (texts with personal data already masked). A skipped
/// ticket has only its id and <see cref="Skipped"/>. Measures that could not be taken are null.
/// </summary>
public sealed record TicketResult
{
    public required string TicketId { get; init; }
    public string? Skipped { get; init; }
    public string? Subject { get; init; }
    public DateTimeOffset? SolvedAt { get; init; }
    public string? Group { get; init; }

    /// <summary>The ticket's own intent (its intent field or tag); null when it names none.</summary>
    public string? Intent { get; init; }

    /// <summary>The intent triage predicted from the thread before the first reply.</summary>
    public string? PredictedIntent { get; init; }

    /// <summary>Whether triage was right; null when the ticket names no intent.</summary>
    public bool? IntentRight { get; init; }

    /// <summary>Articles the assist surfaced (its top k).</summary>
    public int Surfaced { get; init; }

    /// <summary>Articles the agent used (linked, quoted, or named by the source); 0: retrieval not measured here.</summary>
    public int ArticlesUsed { get; init; }

    /// <summary>The place of the first used article among the surfaced; null: none of them was used.</summary>
    public int? HitRank { get; init; }

    /// <summary>A handoff rule kept the ticket with a person: no draft.</summary>
    public bool KeptWithHuman { get; init; }

    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>The agent escalated it, or the customer asked for a person before the first reply.</summary>
    public bool BelongedWithPerson { get; init; }

    public double? RougeL { get; init; }
    public double? TokenF1 { get; init; }
    public double? Cosine { get; init; }

    /// <summary>Facts (amounts, dates, steps, links) in the agent's reply, and how many of them the draft gave.</summary>
    public int Facts { get; init; }
    public int FactsFound { get; init; }
    public IReadOnlyList<string> FactsMissing { get; init; } = [];

    /// <summary>Promises in the draft the agent did not make (the commitment check's phrase for each).</summary>
    public IReadOnlyList<string> NewPromises { get; init; } = [];

    /// <summary>as-is, needs-edits, not-useful, or withheld (<see cref="Usefulness"/>).</summary>
    public string? Band { get; init; }

    /// <summary>One number to order tickets from best to worst (<see cref="Usefulness.Score"/>).</summary>
    public double? Score { get; init; }

    public string? Provider { get; init; }
    public double Ms { get; init; }

    /// <summary>What the customer wrote, what the agent sent, what the copilot drafted: masked.</summary>
    public string? Customer { get; init; }
    public string? Reply { get; init; }
    public string? Draft { get; init; }

    public double? FactRecall => Facts > 0 ? FactsFound / (double)Facts : null;
}
