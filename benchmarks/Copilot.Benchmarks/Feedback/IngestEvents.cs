using System.Text;
using System.Text.Json;
using Copilot.Api.Suggestions;
using Copilot.Api.Vocabulary;

namespace Copilot.Benchmarks.Feedback;

/// <summary>One feedback event as the sidebar sends it: its suggestion, its JSON body, and what the backend stores for it.</summary>
public sealed record IngestEvent(string SuggestionId, string EventId, string Outcome, string? FinalText, EditSize.Result? Edit, string? Reason, byte[] Body);

/// <summary>
/// Suggestions and the feedback on them, one event per suggestion (as in real use: an agent judges what was
/// shown to them): 40% accepted, 30% edited (a few words changed in a reply of about 60 words), 30% rejected
/// with a reason, over every kind, 64 agents and 15 intents. Deterministic for a seed.
/// </summary>
public static class IngestEvents
{
    private static readonly IReadOnlyList<string> Kinds = Wire.AllNames<SuggestionKind>();
    private static readonly IReadOnlyList<string> Reasons = Wire.AllNames<RejectionReason>();

    private const string Reply =
        "Hi {0}, thanks for getting in touch about your order. I checked the shipment and it left our warehouse on Monday; " +
        "the carrier shows it in transit and expects to deliver it within two to three working days. You can follow it with the " +
        "tracking link in your confirmation email. If it has not arrived by Friday, reply to this message and we will send a " +
        "replacement at no cost. Best regards, the support team";

    public static IReadOnlyList<Suggestion> Suggestions(string tenant, string prefix, int count, int seed)
    {
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, count).Select(i => new Suggestion
        {
            Id = $"sg_{prefix}{i}",
            Tenant = tenant,
            TicketId = 100_000 + i,
            Kind = Kinds[random.Next(Kinds.Count)],
            AgentId = $"agent-{random.Next(64):00}",
            Intent = $"intent-{random.Next(15):00}",
            Text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Reply, $"customer {i}"),
            Origin = SuggestionOrigin.Offline("draft.v2", 12),
            CreatedAt = now.AddSeconds(-random.Next(3_600)),
        }).ToList();
    }

    /// <summary>One event per suggestion; the edit is measured as the backend measures it.</summary>
    public static IReadOnlyList<IngestEvent> For(IReadOnlyList<Suggestion> suggestions, int seed)
    {
        var random = new Random(seed);
        return suggestions.Select(s =>
        {
            var eventId = "ev_" + s.Id;
            var roll = random.NextDouble();
            if (roll < 0.4)
            {
                return Event(s, eventId, "accepted", null, null, new { eventId, outcome = "accepted" });
            }
            if (roll < 0.7)
            {
                var words = s.Text.Split(' ');
                for (var k = random.Next(1, 12); k > 0; k--)
                {
                    words[random.Next(words.Length)] = "really";
                }
                var sent = string.Join(' ', words);
                return Event(s, eventId, "edited", sent, null, new { eventId, outcome = "edited", finalText = sent });
            }
            var reason = Reasons[random.Next(Reasons.Count)];
            return Event(s, eventId, "rejected", null, reason, new { eventId, outcome = "rejected", reason });
        }).ToList();
    }

    private static IngestEvent Event(Suggestion s, string eventId, string outcome, string? finalText, string? reason, object body) =>
        new(s.Id, eventId, outcome, finalText,
            outcome switch { "edited" => EditSize.Measure(s.Text, finalText!), "accepted" => new EditSize.Result(0, 0), _ => null },
            reason, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body)));
}
