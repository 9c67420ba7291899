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
}

public sealed record FakeChatMessage(string Role, string Content);

/// <summary>
/// What the fake answers. <see cref="Content"/> is the assistant text (for structured output, the JSON);
/// <see cref="Chunks"/> sets how a stream splits it (by default word by word).
/// </summary>
public sealed record FakeChatReply(string Content)
{
    public string FinishReason { get; init; } = "stop";
    public int? PromptTokens { get; init; }
    public int? CompletionTokens { get; init; }
    public IReadOnlyList<string>? Chunks { get; init; }
}
