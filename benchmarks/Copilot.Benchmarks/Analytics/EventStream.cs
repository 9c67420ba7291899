using System.Globalization;

namespace Copilot.Benchmarks.Analytics;

public sealed record SuggestionRow(string Id, long TicketId, string Kind, string Agent, string Intent, string CreatedAt, double? Cost);

public sealed record FeedbackRow(string EventId, string SuggestionId, string Agent, string Outcome, double? EditRatio, string? Reason, string CreatedAt);

/// <summary>
/// A deterministic stream of suggestions and feedback over a period, in time order: every
/// suggestion gets one feedback event and a share of them a second (the agent changed their mind).
/// 6 kinds × 40 agents × 15 intents.
/// </summary>
public static class EventStream
{
    public static readonly string[] Kinds = ["summary", "draft", "articles", "macros", "rewrite", "triage"];
    private static readonly string[] Reasons = ["wrong-facts", "wrong-tone", "outdated-article", "missing-context", "policy", "other"];
    public const double ChangedMindShare = 0.15;

    /// <summary>Yields (suggestion, its feedback events) until <paramref name="feedbackEvents"/> events were produced.</summary>
    public static IEnumerable<(SuggestionRow Suggestion, IReadOnlyList<FeedbackRow> Feedback)> Generate(
        int feedbackEvents, DateTime start, int days, int seed, string idPrefix = "")
    {
        var random = new Random(seed);
        var suggestions = (int)Math.Ceiling(feedbackEvents / (1 + ChangedMindShare));
        var step = TimeSpan.FromDays(days).Ticks / suggestions;
        var produced = 0;
        for (var i = 0; produced < feedbackEvents; i++)
        {
            var at = start.AddTicks(step * Math.Min(i, suggestions - 1) + random.NextInt64(step));
            var agent = $"agent-{random.Next(40):00}";
            var s = new SuggestionRow($"{idPrefix}s{i}", 100_000 + i / 3, Kinds[random.Next(Kinds.Length)], agent,
                $"intent-{random.Next(15):00}", Iso(at), random.NextDouble() < 0.7 ? Math.Round(0.0005 + random.NextDouble() * 0.01, 6) : null);
            var events = new List<FeedbackRow> { Outcome(random, s, $"{idPrefix}f{i}a", at.AddSeconds(30 + random.Next(600))) };
            if (random.NextDouble() < ChangedMindShare && produced + 2 <= feedbackEvents)
            {
                events.Add(Outcome(random, s, $"{idPrefix}f{i}b", at.AddSeconds(700 + random.Next(600))));
            }
            produced += events.Count;
            yield return (s, events);
        }
    }

    private static FeedbackRow Outcome(Random random, SuggestionRow s, string id, DateTime at)
    {
        var roll = random.NextDouble();
        return roll < 0.4 ? new FeedbackRow(id, s.Id, s.Agent, "accepted", 0, null, Iso(at))
            : roll < 0.7 ? new FeedbackRow(id, s.Id, s.Agent, "edited", Math.Round(random.NextDouble() * 0.9, 3), null, Iso(at))
            : new FeedbackRow(id, s.Id, s.Agent, "rejected", null, Reasons[random.Next(Reasons.Length)], Iso(at));
    }

    public static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
