namespace Copilot.Api.Suggestions;

/// <summary>What a suggestion was built from, as recorded for the audit trail and shown as citations.</summary>
public sealed record SourceRef(string Kind, string Id, string Title, string? Url, double Score);

/// <summary>A suggestion shown to an agent, with everything needed to audit it later.</summary>
public sealed record Suggestion(
    string Id,
    string Tenant,
    long TicketId,
    string Kind,
    string? AgentId,
    string? Intent,
    string Text,
    IReadOnlyList<SourceRef> Sources,
    string Provider,
    string? Model,
    string PromptVersion,
    double LatencyMs,
    DateTimeOffset CreatedAt)
{
    /// <summary>Model, tokens, cost and timings when a model wrote it; null for offline suggestions.</summary>
    public Copilot.Api.Models.ModelAudit? Audit { get; init; }

    public static string NewId() => "sg_" + Guid.CreateVersion7().ToString("N");
}

public static class SuggestionKinds
{
    public const string Summary = "summary";
    public const string Draft = "draft";
    public const string Articles = "articles";
    public const string Macros = "macros";
    public const string Rewrite = "rewrite";
    public const string Triage = "triage";
}
