using Copilot.Api.Feedback;
using Copilot.Api.Suggestions;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.StoreContract;

/// <summary>What the store contract tests build their rows from: suggestions and events as the features write them.</summary>
internal static class Contract
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public static Suggestion Suggestion(string tenant, string kind, long ticket = 42, string? agent = "agent-1", string? intent = "billing",
        DateTimeOffset? at = null, string? assistId = null, string? id = null, decimal? cost = null) => new()
    {
        Id = id ?? Api.Suggestions.Suggestion.NewId(),
        Tenant = tenant,
        TicketId = ticket,
        Kind = kind,
        AgentId = agent,
        Intent = intent,
        Text = $"Suggested {kind} for ticket {ticket}.",
        Sources = [new SourceRef("article", "a1", "Refunds", "https://help.example.com/a1", 1.5)],
        Origin = cost is { } c
            ? SuggestionOrigin.ByModel("openai", "draft.v2", new Api.ModelTasks.ModelAudit("gpt-test", 100, 20, c, "USD", 80, 400, ["link-unknown"]))
            : SuggestionOrigin.Offline("draft.v2", 12.5),
        CreatedAt = at ?? Monday,
        AssistId = assistId,
    };

    public static FeedbackEvent Event(string tenant, string eventId, string suggestionId, string outcome, DateTimeOffset at,
        double? ratio = null, string? reason = null, string? agent = "agent-1") =>
        new(tenant, eventId, suggestionId, agent, outcome, outcome == "edited" ? "Edited text." : null,
            ratio is { } r ? (int)(r * 100) : null, ratio, reason, outcome == "rejected" ? "Not this one." : null, at);

    public static IOptionsMonitor<T> Monitor<T>(T value) where T : class => new FixedMonitor<T>(value);

    private sealed class FixedMonitor<T>(T value) : IOptionsMonitor<T> where T : class
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
