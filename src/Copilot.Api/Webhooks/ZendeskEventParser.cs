using System.Text.Json;

namespace Copilot.Api.Webhooks;

/// <summary>
/// Reads Zendesk's event envelope
/// (<c>{ id, type, time, subject: "zen:ticket:N", detail: { id, created_at, status }, event: { current, previous } }</c>),
/// which Zendesk's ticket event subscriptions send and which the trigger payloads in docs/webhooks.md imitate.
/// </summary>
public static class ZendeskEventParser
{
    /// <returns>The event, or null with a field → message error when the body is not one.</returns>
    public static TicketEvent? Parse(ReadOnlySpan<byte> body, string fallbackTime, Dictionary<string, string[]> errors)
    {
        using var doc = WebhookJson.ReadObject(body, errors);
        if (doc is null)
        {
            return null;
        }
        var root = doc.RootElement;
        var type = WebhookJson.Text(root, "type");
        if (string.IsNullOrEmpty(type))
        {
            errors["type"] = ["'type' is required, e.g. zen:event-type:ticket.status_changed."];
        }
        var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var ticket = ReadTicketId(detail, WebhookJson.Text(root, "subject"));
        if (ticket is null)
        {
            errors["detail.id"] = ["The ticket id is required: 'detail.id', or 'subject' as zen:ticket:{id}."];
        }
        var time = WebhookJson.Timestamp(WebhookJson.Text(root, "time"), "time", errors);
        var createdAt = WebhookJson.Timestamp(WebhookJson.Text(detail, "created_at"), "detail.created_at", errors);
        if (errors.Count > 0)
        {
            return null;
        }
        var change = root.TryGetProperty("event", out var ev) && ev.ValueKind == JsonValueKind.Object ? ev : default;
        var (kind, satisfaction) = Classify(type!, change);
        return new TicketEvent(WebhookJson.Text(root, "id"), type!, kind, ticket!.Value,
            time is { } t ? TicketEvent.Iso(t) : fallbackTime, createdAt is { } c ? TicketEvent.Iso(c) : null, satisfaction);
    }

    private static (TicketEventKind, string?) Classify(string type, JsonElement change) => type switch
    {
        "zen:event-type:ticket.created" => (TicketEventKind.Created, null),
        "zen:event-type:ticket.comment_added" or "copilot:ticket.comment_added" => (TicketEventKind.CommentAdded, null),
        "copilot:ticket.solved" => (TicketEventKind.Solved, null),
        "copilot:ticket.reopened" => (TicketEventKind.Reopened, null),
        "zen:event-type:ticket.status_changed" or "copilot:ticket.status_changed" =>
            (TicketEvent.StatusChange(State(change, "previous"), State(change, "current")), null),
        "copilot:ticket.satisfaction_rated" when State(change, "current") is "good" or "bad" =>
            (TicketEventKind.SatisfactionRated, State(change, "current")),
        _ => (TicketEventKind.Ignored, null),
    };

    /// <summary><c>event.current</c> as a lower-case word: a string ("SOLVED", "Good") or an object's status/score/rating.</summary>
    private static string? State(JsonElement change, string name)
    {
        if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty(name, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Object)
        {
            v = new[] { "status", "score", "rating" }.Select(p => v.TryGetProperty(p, out var inner) ? inner : default)
                .FirstOrDefault(e => e.ValueKind == JsonValueKind.String);
        }
        return v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim().ToLowerInvariant() : null;
    }

    private static long? ReadTicketId(JsonElement detail, string? subject)
    {
        if (detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("id", out var id) && WebhookJson.PositiveId(id) is { } n)
        {
            return n;
        }
        const string prefix = "zen:ticket:";
        return subject is not null && subject.StartsWith(prefix, StringComparison.Ordinal) ? WebhookJson.PositiveId(subject[prefix.Length..]) : null;
    }
}
