using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.OpenAI;

/// <summary>OpenAI's JSON shapes for completions, chunks and errors.</summary>
internal static class FakeOpenAIWire
{
    public static JsonObject Completion(string id, string model, long created, FakeChatReply reply, int promptTokens, int completionTokens) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion",
        ["created"] = created,
        ["model"] = model,
        ["system_fingerprint"] = "fp_fake",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = reply.ToolCalls.Count == 0
                ? new JsonObject { ["role"] = "assistant", ["content"] = reply.Content, ["refusal"] = null }
                : new JsonObject { ["role"] = "assistant", ["content"] = null, ["refusal"] = null, ["tool_calls"] = ToolCalls(reply.ToolCalls) },
            ["logprobs"] = null,
            ["finish_reason"] = reply.FinishReason,
        }),
        ["usage"] = Usage(promptTokens, completionTokens),
    };

    public static JsonArray ToolCalls(IEnumerable<FakeToolCall> calls) => new([.. calls.Select(c => (JsonNode)new JsonObject
    {
        ["id"] = c.Id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
    })]);

    public static JsonObject Chunk(string id, string model, long created, JsonObject delta, string? finishReason) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model,
        ["system_fingerprint"] = "fp_fake",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = delta,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
    };

    public static JsonObject UsageChunk(string id, string model, long created, int promptTokens, int completionTokens) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model,
        ["system_fingerprint"] = "fp_fake",
        ["choices"] = new JsonArray(),
        ["usage"] = Usage(promptTokens, completionTokens),
    };

    public static JsonObject Usage(int promptTokens, int completionTokens) => new()
    {
        ["prompt_tokens"] = promptTokens,
        ["completion_tokens"] = completionTokens,
        ["total_tokens"] = promptTokens + completionTokens,
    };

    public static JsonObject Error(string message, string type, string? code) => new()
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
    };

    public static async Task WriteErrorAsync(HttpContext http, int status, string message, string type, string? code = null)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Error(message, type, code).ToJsonString(), http.RequestAborted);
    }

    public static async Task WriteJsonAsync(HttpContext http, JsonNode body)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    /// <summary>A rough count (four characters a token), stable for the same text.</summary>
    public static int Tokens(string text) => text.Length == 0 ? 0 : text.Length / 4 + 1;
}
