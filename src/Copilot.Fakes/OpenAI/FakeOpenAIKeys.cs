using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Copilot.Fakes.OpenAI;

/// <summary>
/// Fixture keys: SHA-256 over the model, the messages and the response format, with JSON object keys
/// sorted so the key does not depend on how a client orders its properties.
/// </summary>
public static class FakeOpenAIKeys
{
    public static string ForChat(string model, IEnumerable<FakeChatMessage> messages, JsonNode? responseFormat)
    {
        var text = new StringBuilder();
        text.Append("model=").Append(model).Append('\n');
        foreach (var m in messages)
        {
            text.Append(m.Role).Append('=').Append(m.Content.Length).Append(':').Append(m.Content).Append('\n');
        }
        text.Append("format=").Append(responseFormat is null ? "" : Canonical(responseFormat));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string ForChat(string model, IEnumerable<(string Role, string Content)> messages, string? responseFormatJson = null) =>
        ForChat(model, messages.Select(m => new FakeChatMessage(m.Role, m.Content)), responseFormatJson is null ? null : JsonNode.Parse(responseFormatJson));

    private static string Canonical(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                writer.WriteStartObject();
                foreach (var (name, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var item in a)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
