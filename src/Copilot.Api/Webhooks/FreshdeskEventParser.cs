using System.Text.Json;
using System.Text.RegularExpressions;
using Copilot.Api.Vocabulary;
using Copilot.Connectors.Freshdesk;

namespace Copilot.Api.Webhooks;

/// <summary>What a Freshdesk automation rule reports, as its body's <c>event</c> says (docs/webhooks.md, one rule each).</summary>
public enum FreshdeskRuleEvent { TicketCreated, StatusChanged, CommentAdded, SatisfactionRated }

/// <summary>
/// Reads the JSON body of a Freshdesk automation rule's "Trigger webhook" action, as docs/webhooks.md has the admin
/// write it: <c>{ "event": "status-changed", "ticket_id": "{{ticket.id}}", "triggered_event": "{{triggered_event}}",
/// "time": "{{ticket.modified_on}}", "created_at": "{{ticket.created_on}}" }</c>. Freshdesk sends no event id, so the
/// delivery is named by what it says (event, ticket, time, triggered event): a retried delivery is the same body.
/// </summary>
public static partial class FreshdeskEventParser
{
    public const int MaxTriggeredEventLength = 200;

    /// <returns>The event, or null with a field → message error when the body is not one.</returns>
    public static TicketEvent? Parse(ReadOnlySpan<byte> body, Dictionary<string, string[]> errors)
    {
        using var doc = WebhookJson.ReadObject(body, errors);
        if (doc is null)
        {
            return null;
        }
        var root = doc.RootElement;
        var eventWord = String(root, "event", errors, required: true);
        FreshdeskRuleEvent? ruleEvent = Wire.TryParse<FreshdeskRuleEvent>(eventWord, out var e) ? e : null;
        if (eventWord is not null && ruleEvent is null)
        {
            errors["event"] = [$"'event' must be one of {string.Join(", ", Wire.AllNames<FreshdeskRuleEvent>())}, not '{WebhookJson.Shorten(eventWord)}'."];
        }
        long? ticket = root.TryGetProperty("ticket_id", out var id) ? WebhookJson.PositiveId(id) : null;
        if (ticket is null)
        {
            errors["ticket_id"] = ["'ticket_id' must be the ticket's number, \"{{ticket.id}}\"."];
        }
        var time = WebhookJson.Timestamp(String(root, "time", errors, required: true), "time", errors);
        var createdAt = WebhookJson.Timestamp(String(root, "created_at", errors, required: false), "created_at", errors);
        var triggered = String(root, "triggered_event", errors, required: ruleEvent == FreshdeskRuleEvent.StatusChanged);
        if (triggered is { Length: > MaxTriggeredEventLength })
        {
            errors["triggered_event"] = [$"'triggered_event' must be at most {MaxTriggeredEventLength} characters."];
        }
        var rating = String(root, "rating", errors, required: ruleEvent == FreshdeskRuleEvent.SatisfactionRated)?.Trim().ToLowerInvariant();
        if (ruleEvent == FreshdeskRuleEvent.SatisfactionRated && rating is not null and not ("good" or "bad"))
        {
            errors["rating"] = ["'rating' must be good or bad."];
        }
        var kind = ruleEvent switch
        {
            FreshdeskRuleEvent.TicketCreated => TicketEventKind.Created,
            FreshdeskRuleEvent.CommentAdded => TicketEventKind.CommentAdded,
            FreshdeskRuleEvent.SatisfactionRated => TicketEventKind.SatisfactionRated,
            FreshdeskRuleEvent.StatusChanged when !errors.ContainsKey("triggered_event") => StatusChange(triggered!, errors),
            _ => TicketEventKind.Ignored,
        };
        if (errors.Count > 0)
        {
            return null;
        }
        var type = "freshdesk:" + eventWord;
        var at = TicketEvent.Iso(time!.Value);
        return new TicketEvent($"{type}:{ticket}:{at}:{triggered}", type, kind, ticket!.Value, at,
            createdAt is { } c ? TicketEvent.Iso(c) : null, kind == TicketEventKind.SatisfactionRated ? rating : null);
    }

    /// <summary>
    /// <c>{{triggered_event}}</c> of a status change, <c>{status:{from:4,to:2}}</c> (numbers, or a default status's
    /// name), as an outcome in the copilot's terms (<see cref="FreshdeskStatuses"/>).
    /// </summary>
    private static TicketEventKind StatusChange(string triggered, Dictionary<string, string[]> errors)
    {
        var match = StatusChangePattern().Match(triggered);
        if (!match.Success)
        {
            errors["triggered_event"] = [$"A status-changed rule sends \"{{{{triggered_event}}}}\" of a status change, such as {{status:{{from:2,to:4}}}}, not '{WebhookJson.Shorten(triggered)}'. Give the rule 'Status is changed' as its only event."];
            return TicketEventKind.Ignored;
        }
        return TicketEvent.StatusChange(FreshdeskStatuses.TermOf(match.Groups["from"].Value), FreshdeskStatuses.TermOf(match.Groups["to"].Value));
    }

    /// <summary>A string field; null when missing (an error when required) or empty, an error when of another type.</summary>
    private static string? String(JsonElement root, string name, Dictionary<string, string[]> errors, bool required)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors[name] = [$"'{name}' is required."];
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = [$"'{name}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}."];
            return null;
        }
        var text = value.GetString();
        if (string.IsNullOrWhiteSpace(text) && required)
        {
            errors[name] = [$"'{name}' is required; it is empty (a placeholder Freshdesk filled with nothing?)."];
            return null;
        }
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    [GeneratedRegex(@"^\{\s*status\s*:\s*\{\s*from\s*:\s*(?<from>[^,{}:]+?)\s*,\s*to\s*:\s*(?<to>[^,{}:]+?)\s*\}\s*\}$", RegexOptions.CultureInvariant)]
    private static partial Regex StatusChangePattern();
}
