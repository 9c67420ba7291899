using Copilot.Api.ModelTasks;


namespace Copilot.Api.Suggestions;

/// <summary>What a suggestion was built from, as recorded for the audit trail and shown as citations.</summary>
public sealed record SourceRef(string Kind, string Id, string Title, string? Url, double Score);

/// <summary>
/// A suggestion shown to an agent, with everything needed to audit it later. Every call site names
/// what it sets; <see cref="Intent"/> is the ticket's intent and nothing else.
/// </summary>
public sealed record Suggestion
{
    public string Id { get; init; } = NewId();
    public required string Tenant { get; init; }
    public required long TicketId { get; init; }
    /// <summary>One of <see cref="SuggestionKinds"/>.</summary>
    public required string Kind { get; init; }
    public required string? AgentId { get; init; }
    /// <summary>The ticket's intent (the tenant's learned intent, or the best macro's category); null when unknown.</summary>
    public required string? Intent { get; init; }
    /// <summary>What was suggested: the draft, the summary, the list.</summary>
    public required string Text { get; init; }
    public IReadOnlyList<SourceRef> Sources { get; init; } = [];
    /// <summary>Who wrote it, with which prompt version, how fast and, for a model, at what cost.</summary>
    public required SuggestionOrigin Origin { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Rewrite suggestions: the action the agent asked for (friendlier, more-formal, …); null for other kinds.</summary>
    public string? RewriteAction { get; init; }
    /// <summary>Triage suggestions: the intent label triage gave (the model's, or offline); null for other kinds.</summary>
    public string? TriageIntent { get; init; }
    /// <summary>Items of an assist (summary, articles, macros, similar tickets): the computed assist the sidebar displayed; null for other kinds.</summary>
    public string? AssistId { get; init; }
    /// <summary>The procedure shown (kind <c>procedure</c>) or followed (a draft), and its version; null otherwise.</summary>
    public string? ProcedureId { get; init; }
    public int? ProcedureVersion { get; init; }

    public static string NewId() => "sg_" + Guid.CreateVersion7().ToString("N");
}

/// <summary>
/// Who wrote a suggestion: <see cref="Provider"/> is <c>offline</c> or the tenant's model provider;
/// <see cref="Audit"/> (model, tokens, cost, timings, flags) is null for offline suggestions.
/// </summary>
public sealed record SuggestionOrigin(string Provider, string? Model, string PromptVersion, double LatencyMs, ModelAudit? Audit = null)
{
    public const string OfflineProvider = "offline";

    public static SuggestionOrigin Offline(string promptVersion, double latencyMs) => new(OfflineProvider, null, promptVersion, latencyMs);

    public static SuggestionOrigin ByModel(string provider, string promptVersion, ModelAudit audit) => new(provider, audit.Model, promptVersion, audit.TotalMs, audit);
}

public static class SuggestionKinds
{
    public const string Summary = "summary";
    public const string Draft = "draft";
    public const string Articles = "articles";
    public const string Macros = "macros";
    public const string SimilarTickets = "similar-tickets";
    public const string Handoff = "handoff";
    public const string Rewrite = "rewrite";
    public const string Triage = "triage";
    public const string Answer = "answer";
    public const string Procedure = "procedure";
    public const string Action = "action";
}
