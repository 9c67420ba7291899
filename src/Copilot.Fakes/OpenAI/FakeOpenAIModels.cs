using System.Text.Json.Nodes;

namespace Copilot.Fakes.OpenAI;

/// <summary>How a recorded request authenticated.</summary>
[Flags]
public enum FakeAuth
{
    None = 0,
    /// <summary><c>Authorization: Bearer …</c> (OpenAI, compatible servers).</summary>
    Bearer = 1,
    /// <summary><c>api-key: …</c> (Azure OpenAI).</summary>
    ApiKey = 2,
}

/// <summary>
/// One request the fake received. <see cref="AuthValue"/> holds the raw credential so tests can check
/// which key was sent; the fake is a test and demo double and never sees a real key.
/// </summary>
public sealed record FakeOpenAIRequest(
    string Method,
    string Path,
    IReadOnlyList<string> HeaderNames,
    FakeAuth Auth,
    string? AuthValue,
    string Body)
{
    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>The query string, with its leading <c>?</c> (empty when there is none).</summary>
    public string Query { get; init; } = "";

    /// <summary>When the request arrived (the fake's clock, UTC).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Request headers by name (case-insensitive); repeated headers joined with commas.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Headers of the fake's answer, as they were when it started to send (e.g. <c>Retry-After</c>).</summary>
    public IReadOnlyDictionary<string, string> ResponseHeaders => _responseHeaders;

    private readonly Dictionary<string, string> _responseHeaders = new(StringComparer.OrdinalIgnoreCase);

    internal void RecordResponseHeaders(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> headers)
    {
        foreach (var (name, value) in headers)
        {
            _responseHeaders[name] = value.ToString();
        }
    }

    public bool HasHeader(string name) => HeaderNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The value of a request header, or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>For a chat request, the fixture key it was looked up by (to write a fixture for it); otherwise null.</summary>
    public string? ChatKey => FakeOpenAIChat.Parse(Body)?.Key;

    /// <summary>For a chat request, as the fake read it (messages, tool calls and results, tools offered); otherwise null.</summary>
    public FakeChatRequest? Chat => Path.EndsWith("chat/completions", StringComparison.Ordinal) ? FakeOpenAIChat.Parse(Body) : null;
}

/// <summary>A parsed chat completion request, as given to fixtures and the responder.</summary>
public sealed record FakeChatRequest(
    string Model,
    IReadOnlyList<FakeChatMessage> Messages,
    JsonNode? ResponseFormat,
    bool Stream,
    bool IncludeUsage,
    JsonObject Body)
{
    /// <summary>The fixture key of this request: a hash of model, messages and response format.</summary>
    public string Key => FakeOpenAIKeys.ForChat(Model, Messages, ResponseFormat);

    public string LastUserMessage => Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";

    /// <summary>The names of the functions the request offers as <c>tools</c> (empty when it offers none).</summary>
    public IReadOnlyList<string> Tools =>
        Body["tools"] is JsonArray tools ? tools.OfType<JsonObject>().Select(t => t["function"]?["name"]?.GetValue<string>() ?? "").ToList() : [];

    /// <summary>The results of earlier tool calls sent back with this request (role <c>tool</c>), oldest first.</summary>
    public IReadOnlyList<FakeChatMessage> ToolResults => Messages.Where(m => m.Role == "tool").ToList();
}

/// <summary>
/// One message of a request. An assistant message that called tools carries them in <see cref="ToolCalls"/>; a
/// <c>tool</c> message is one call's result, for <see cref="ToolCallId"/>.
/// </summary>
public sealed record FakeChatMessage(string Role, string Content)
{
    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    public string? ToolCallId { get; init; }
}

/// <summary>A function call as OpenAI's wire carries it: <see cref="Arguments"/> is the JSON text of the arguments.</summary>
public sealed record FakeToolCall(string Id, string Name, string Arguments);

/// <summary>
/// What the fake answers. <see cref="Content"/> is the assistant text (for structured output, the JSON);
/// <see cref="Chunks"/> sets how a stream splits it (by default word by word). A reply made with
/// <see cref="CallTools"/> asks the caller to run functions instead: no text, <c>tool_calls</c>, finish reason <c>tool_calls</c>.
/// </summary>
public sealed record FakeChatReply(string Content)
{
    /// <summary>A reply that calls the given functions (and says nothing else).</summary>
    public static FakeChatReply CallTools(params FakeToolCall[] calls) => new("") { ToolCalls = calls, FinishReason = "tool_calls" };

    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    public string FinishReason { get; init; } = "stop";
    public int? PromptTokens { get; init; }
    public int? CompletionTokens { get; init; }
    public IReadOnlyList<string>? Chunks { get; init; }
}
