using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Copilot.Fakes.OpenAI;

namespace Copilot.Tests.ModelFeatures;

/// <summary>Answers of the fake model that depend on the request the way a real model's would.</summary>
public static partial class ModelReplies
{
    public static string System(FakeChatRequest r) => r.Messages.First(m => m.Role == "system").Content;
    public static string User(FakeChatRequest r) => r.LastUserMessage;
    public static string? SchemaName(FakeChatRequest r) => r.ResponseFormat?["json_schema"]?["name"]?.GetValue<string>();

    /// <summary>Follows its instructions: cites source 1, summarizes and triages by schema, rewrites by echoing.</summary>
    public static FakeChatReply Cooperative(FakeChatRequest r) => SchemaName(r) switch
    {
        "ticket_summary" => Json(new JsonObject
        {
            ["customerWants"] = "To know whether the trial costs anything.", ["tried"] = "Nothing yet.",
            ["status"] = "Waiting on us.", ["nextStep"] = "Explain trial cancellation.",
        }),
        "ticket_triage" => Json(new JsonObject
        {
            ["intent"] = Label("billing", 0.9), ["sentiment"] = Label("neutral", 0.8),
            ["language"] = Label("en", 0.99), ["priority"] = Label("normal", 0.7),
        }),
        _ when System(r).Contains("You rewrite", StringComparison.Ordinal) => new FakeChatReply("Rewritten: " + FencedText(User(r))) { PromptTokens = 50, CompletionTokens = 20 },
        _ when System(r).Contains("NEEDS:", StringComparison.Ordinal) && !User(r).Contains("Sources:", StringComparison.Ordinal) =>
            new FakeChatReply("NEEDS: what the customer's question is about; which product or order it concerns") { PromptTokens = 300, CompletionTokens = 20 },
        _ => new FakeChatReply("Hi Olivia,\n\nThanks for asking. Here is what our help centre says [1].\n\nBest regards") { PromptTokens = 1200, CompletionTokens = 40 },
    };

    public static FakeChatReply Json(JsonObject o) => new(o.ToJsonString()) { PromptTokens = 500, CompletionTokens = 60 };

    public static JsonObject Label(string value, double confidence) => new() { ["value"] = value, ["confidence"] = confidence };

    /// <summary>The text inside the first ticket_data fence of a message.</summary>
    public static string FencedText(string message) => Fence().Match(message) is { Success: true } m ? m.Groups["t"].Value : "";

    [GeneratedRegex(@"<ticket_data[^>]*>\n(?<t>.*?)\n</ticket_data>", RegexOptions.Singleline | RegexOptions.ExplicitCapture)]
    private static partial Regex Fence();
}
