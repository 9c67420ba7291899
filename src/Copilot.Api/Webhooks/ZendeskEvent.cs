using System.Globalization;
using System.Text.Json;

namespace Copilot.Api.Webhooks;

public enum TicketEventKind { Ignored, Created, Solved, Reopened, SatisfactionRated, CommentAdded }

/// <summary>
/// One helpdesk event, read from the Zendesk event envelope
/// (<c>{ id, type, time, subject: "zen:ticket:N", detail: { id, created_at, status }, event: { current, previous } }</c>),
/// which Zendesk's ticket event subscriptions send and which the trigger payloads in
/// docs/webhooks.md imitate. Timestamps are normalised to ISO-8601 UTC text.
/// </summary>
public sealed record ZendeskEvent(string? Id, string Type, TicketEventKind Kind, long TicketId, string Time, string? TicketCreatedAt, string? Satisfaction)
{
    private static readonly string[] Closed = ["solved", "closed"];

    /// <returns>The event, or null with a field → message error when the body is not one.</returns>
    public static ZendeskEvent? Parse(ReadOnlySpan<byte> body, string fallbackTime, Dictionary<string, string[]> errors)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            errors["body"] = ["The body is not valid UTF-8 text."];
            return null;
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            errors["body"] = [$"The body is not JSON: {e.Message}"];
            return null;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body must be a JSON object."];
                return null;
            }
            var type = Text(root, "type");
            if (string.IsNullOrEmpty(type))
            {
                errors["type"] = ["'type' is required, e.g. zen:event-type:ticket.status_changed."];
            }
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            var ticket = ReadTicketId(detail, Text(root, "subject"));
            if (ticket is null)
            {
                errors["detail.id"] = ["The ticket id is required: 'detail.id', or 'subject' as zen:ticket:{id}."];
            }
            var time = Timestamp(Text(root, "time"), "time", errors) ?? fallbackTime;
            var createdAt = detail.ValueKind == JsonValueKind.Object ? Timestamp(Text(detail, "created_at"), "detail.created_at", errors) : null;
            if (errors.Count > 0)
            {
                return null;
            }
            var change = root.TryGetProperty("event", out var ev) && ev.ValueKind == JsonValueKind.Object ? ev : default;
            var (kind, satisfaction) = Classify(type!, change);
            return new ZendeskEvent(Text(root, "id"), type!, kind, ticket!.Value, time, createdAt, satisfaction);
        }
    }

    private static (TicketEventKind, string?) Classify(string type, JsonElement change)
    {
        var current = State(change, "current");
        var previous = State(change, "previous");
        switch (type)
        {
            case "zen:event-type:ticket.created":
                return (TicketEventKind.Created, null);
            case "zen:event-type:ticket.comment_added" or "copilot:ticket.comment_added":
                return (TicketEventKind.CommentAdded, null);
            case "copilot:ticket.solved":
                return (TicketEventKind.Solved, null);
            case "copilot:ticket.reopened":
                return (TicketEventKind.Reopened, null);
            case "zen:event-type:ticket.status_changed" or "copilot:ticket.status_changed":
                var wasClosed = previous is not null && Closed.Contains(previous);
                var isClosed = current is not null && Closed.Contains(current);
                return (isClosed && !wasClosed) ? (TicketEventKind.Solved, null)
                    : (wasClosed && current is not null && !isClosed) ? (TicketEventKind.Reopened, null)
                    : (TicketEventKind.Ignored, null);
            case "copilot:ticket.satisfaction_rated":
                return current is "good" or "bad" ? (TicketEventKind.SatisfactionRated, current) : (TicketEventKind.Ignored, null);
            default:
                return (TicketEventKind.Ignored, null);
        }
    }

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
        if (detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("id", out var id))
        {
            if (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n) && n > 0)
            {
                return n;
            }
            if (id.ValueKind == JsonValueKind.String && long.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n) && n > 0)
            {
                return n;
            }
        }
        const string prefix = "zen:ticket:";
        return subject is not null && subject.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(subject.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : null;
    }

    private static string? Timestamp(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return Iso(t);
        }
        errors[field] = [$"'{field}' must be an ISO-8601 timestamp, not '{value}'."];
        return null;
    }

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
