using System.Text.Json;
using System.Text.Json.Nodes;
using Copilot.Api.ModelTasks;
using Copilot.Api.Privacy;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Triage;

/// <summary>The triage prompt and its schema; a tenant's intent list becomes an enum in the schema.</summary>
public static class TriagePrompt
{
    public const string Version = "triage.v1";
    public const string OtherIntent = Intents.IntentGuess.Other;
    public static readonly string[] Sentiments = ["positive", "neutral", "negative", "angry"];
    public static readonly string[] Priorities = ["low", "normal", "high", "urgent"];

    public static ModelPrompt Build(HelpdeskThread thread, IReadOnlyList<string> intents, bool includeInternalNotes, bool redactPii)
    {
        var map = ThreadPrompt.MapFor(thread);
        var rule = intents.Count == 0
            ? "Use a short lower-case name such as \"order-status\" or \"refund-request\"."
            : $"Choose exactly one of: {string.Join(", ", intents)}; use \"{OtherIntent}\" when none fits.";
        var system = PromptLibrary.Render(Version, new Dictionary<string, string> { ["intent_rule"] = rule });
        var user = "Ticket thread:\n" + ThreadPrompt.Thread(thread, includeInternalNotes, redactPii ? map : null) + "\nTriage it now.";
        var options = new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = 200,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema(intents), "ticket_triage", "Triage of a support ticket"),
        };
        return new ModelPrompt(Version, [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)], options, map);
    }

    public static JsonElement Schema(IReadOnlyList<string> intents)
    {
        var schema = JsonNode.Parse(PromptLibrary.Schema(Version).GetRawText())!.AsObject();
        if (intents.Count > 0)
        {
            var values = new JsonArray([.. intents.Append(OtherIntent).Distinct(StringComparer.Ordinal).Select(i => JsonValue.Create(i))]);
            schema["properties"]!["intent"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["value"] = new JsonObject { ["type"] = "string", ["enum"] = values },
                    ["confidence"] = new JsonObject { ["type"] = "number" },
                },
                ["required"] = new JsonArray("value", "confidence"),
                ["additionalProperties"] = false,
            };
        }
        return JsonSerializer.SerializeToElement(schema);
    }

    /// <summary>Strict: known sentiments and priorities, an intent from the list when there is one, confidences in [0, 1].</summary>
    public static TriageResult Parse(JsonElement e, IReadOnlyList<string> intents)
    {
        var intent = Label(e, "intent");
        if (intents.Count > 0 && intent.Value != OtherIntent && !intents.Contains(intent.Value, StringComparer.Ordinal))
        {
            throw new FormatException("intent is not one of the tenant's intents.");
        }
        var sentiment = Label(e, "sentiment");
        var priority = Label(e, "priority");
        if (!Sentiments.Contains(sentiment.Value) || !Priorities.Contains(priority.Value))
        {
            throw new FormatException("sentiment or priority is not an allowed value.");
        }
        var language = Label(e, "language");
        if (language.Value.Length is < 2 or > 3 || !language.Value.All(char.IsAsciiLetterLower))
        {
            throw new FormatException("language must be an ISO 639-1 code.");
        }
        return new TriageResult(intent, sentiment, language, priority);
    }

    private static Labelled Label(JsonElement e, string name)
    {
        var p = e.GetProperty(name);
        return new Labelled(StructuredCall.RequiredString(p, "value"), Math.Round(StructuredCall.Confidence(p), 3));
    }
}
