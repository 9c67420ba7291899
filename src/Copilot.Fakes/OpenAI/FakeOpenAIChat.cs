using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.OpenAI;

/// <summary><c>POST …/chat/completions</c>: a JSON completion, or SSE chunks when <c>stream</c> is true.</summary>
internal static class FakeOpenAIChat
{
    public static async Task HandleAsync(FakeOpenAI fake, HttpContext http, string body)
    {
        if (await fake.RejectUnauthorizedAsync(http))
        {
            return;
        }
        var request = Parse(body);
        if (request is null)
        {
            await FakeOpenAIWire.WriteErrorAsync(http, 400, "We could not parse the JSON body of your request.", "invalid_request_error");
            return;
        }
        var fault = fake.NextFault();
        if (await FakeOpenAIFaults.PlayBeforeAnswerAsync(fault, http, request.Stream))
        {
            return;
        }
        var reply = fake.Answer(request);
        var id = "chatcmpl-" + request.Key[..24];
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var promptTokens = reply.PromptTokens ?? request.Messages.Sum(m => FakeOpenAIWire.Tokens(m.Content) + 3);
        var completionTokens = reply.CompletionTokens ?? FakeOpenAIWire.Tokens(reply.Content + string.Concat(reply.ToolCalls.Select(c => c.Name + c.Arguments)));
        if (!request.Stream)
        {
            await FakeOpenAIWire.WriteJsonAsync(http, FakeOpenAIWire.Completion(id, request.Model, created, reply, promptTokens, completionTokens));
            return;
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var chunkDelay = fault is { Kind: FakeFaultKind.Slow } slow ? slow.ChunkDelay : TimeSpan.Zero;
        if (reply.ToolCalls.Count > 0)
        {
            await StreamToolCallsAsync(http, id, request, created, reply, promptTokens, completionTokens);
            return;
        }
        await SendAsync(http, FakeOpenAIWire.Chunk(id, request.Model, created, new JsonObject { ["role"] = "assistant", ["content"] = "", ["refusal"] = null }, null));
        var pieces = reply.Chunks ?? Split(reply.Content);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i == 1 && await PlayMidStreamAsync(fault, http))
            {
                return;
            }
            await FakeOpenAIFaults.DelayAsync(chunkDelay, http);
            await SendAsync(http, FakeOpenAIWire.Chunk(id, request.Model, created, new JsonObject { ["content"] = pieces[i] }, null));
        }
        if (pieces.Count <= 1 && await PlayMidStreamAsync(fault, http))
        {
            return;
        }
        await FakeOpenAIFaults.DelayAsync(chunkDelay, http);
        await SendAsync(http, FakeOpenAIWire.Chunk(id, request.Model, created, [], reply.FinishReason));
        if (request.IncludeUsage)
        {
            await SendAsync(http, FakeOpenAIWire.UsageChunk(id, request.Model, created, promptTokens, completionTokens));
        }
        await SendRawAsync(http, "data: [DONE]\n\n");
    }

    /// <summary>
    /// As OpenAI streams tool calls: the first chunk of each call names it (id, type, function name, empty arguments),
    /// the next carries its arguments, then a chunk with finish reason <c>tool_calls</c>.
    /// </summary>
    private static async Task StreamToolCallsAsync(HttpContext http, string id, FakeChatRequest request, long created, FakeChatReply reply, int promptTokens, int completionTokens)
    {
        await SendAsync(http, FakeOpenAIWire.Chunk(id, request.Model, created, new JsonObject { ["role"] = "assistant", ["content"] = null, ["refusal"] = null }, null));
        for (var i = 0; i < reply.ToolCalls.Count; i++)
        {
            var call = reply.ToolCalls[i];
            await SendAsync(http, FakeOpenAIWire.Chunk(id, request.Model, created, new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = i, ["id"] = call.Id, ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
                }),
            }, null));
            await SendAsync(http, FakeOpenAIWire.Chunk(id, request.Model, created, new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = call.Arguments } }),
            }, null));
        }
        await SendAsync(http, FakeOpenAIWire.Chunk(id, request.Model, created, [], reply.FinishReason));
        if (request.IncludeUsage)
        {
            await SendAsync(http, FakeOpenAIWire.UsageChunk(id, request.Model, created, promptTokens, completionTokens));
        }
        await SendRawAsync(http, "data: [DONE]\n\n");
    }

    /// <summary>Faults that strike after the stream has started. True when the stream is over.</summary>
    private static async Task<bool> PlayMidStreamAsync(FakeFault? fault, HttpContext http)
    {
        switch (fault?.Kind)
        {
            case FakeFaultKind.MidStreamError:
                await SendAsync(http, FakeOpenAIWire.Error("The server had an error while processing your request.", "server_error", null));
                return true;
            case FakeFaultKind.Garbled:
                await SendRawAsync(http, "data: {\"id\": \"chatcmpl-garbled\", \"choices\": [{\"delta\": \n\n");
                return true;
            case FakeFaultKind.ConnectionReset:
                http.Abort();
                return true;
            default:
                return false;
        }
    }

    private static Task SendAsync(HttpContext http, JsonNode chunk) => SendRawAsync(http, "data: " + chunk.ToJsonString() + "\n\n");

    private static async Task SendRawAsync(HttpContext http, string text)
    {
        if (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        await http.Response.WriteAsync(text, http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    /// <summary>Word by word, each word keeping the space before it, so the chunks join back exactly.</summary>
    internal static IReadOnlyList<string> Split(string content)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 1; i < content.Length; i++)
        {
            if (content[i] == ' ' && content[i - 1] != ' ')
            {
                pieces.Add(content[start..i]);
                start = i;
            }
        }
        if (start < content.Length)
        {
            pieces.Add(content[start..]);
        }
        return pieces;
    }

    internal static FakeChatRequest? Parse(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject json || json["messages"] is not JsonArray messages)
            {
                return null;
            }
            var parsed = messages.OfType<JsonObject>()
                .Select(m => new FakeChatMessage(m["role"]?.GetValue<string>() ?? "", ContentOf(m["content"]))
                {
                    ToolCalls = ToolCallsOf(m["tool_calls"]),
                    ToolCallId = m["tool_call_id"]?.GetValue<string>(),
                })
                .ToList();
            return new FakeChatRequest(
                json["model"]?.GetValue<string>() ?? "",
                parsed,
                json["response_format"],
                json["stream"]?.GetValue<bool>() ?? false,
                json["stream_options"]?["include_usage"]?.GetValue<bool>() ?? false,
                json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static IReadOnlyList<FakeToolCall> ToolCallsOf(JsonNode? calls) => calls is JsonArray array
        ? array.OfType<JsonObject>().Select(c => new FakeToolCall(
            c["id"]?.GetValue<string>() ?? "", c["function"]?["name"]?.GetValue<string>() ?? "", c["function"]?["arguments"]?.GetValue<string>() ?? "")).ToList()
        : [];

    /// <summary>Content is a string, null (an assistant message that called tools) or an array of parts; text parts are joined.</summary>
    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}
