using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.OpenAI;

/// <summary>
/// <c>POST …/embeddings</c>. Vectors are deterministic: every word of the input is hashed into a
/// signed bucket (the hashing trick), then the vector is normalised, so texts sharing words land
/// close together and demo retrieval behaves plausibly.
/// </summary>
internal static class FakeOpenAIEmbeddings
{
    public static async Task HandleAsync(FakeOpenAI fake, HttpContext http, string body)
    {
        if (await fake.RejectUnauthorizedAsync(http))
        {
            return;
        }
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }
        var inputs = json?["input"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => [s],
            JsonArray a when a.All(i => i is JsonValue) => a.Select(i => i!.GetValue<string>()).ToList(),
            _ => null,
        };
        if (json is null || inputs is null)
        {
            await FakeOpenAIWire.WriteErrorAsync(http, 400, "'input' must be a string or an array of strings.", "invalid_request_error");
            return;
        }
        if (await FakeOpenAIFaults.PlayBeforeAnswerAsync(fake.NextFault(), http, streaming: false))
        {
            return;
        }
        var dimensions = json["dimensions"]?.GetValue<int>() ?? fake.EmbeddingDimensions;
        var base64 = json["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        var tokens = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Vector(inputs[i], dimensions);
            tokens += FakeOpenAIWire.Tokens(inputs[i]);
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = base64
                    ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan()))
                    : new JsonArray([.. vector.Select(f => (JsonNode)f)]),
            });
        }
        await FakeOpenAIWire.WriteJsonAsync(http, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = json["model"]?.GetValue<string>() ?? "",
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        });
    }

    /// <summary>Hashing-trick vector, unit length; the empty text maps to the first axis.</summary>
    public static float[] Vector(string text, int dimensions)
    {
        var vector = new float[dimensions];
        var any = false;
        foreach (var word in Words(text))
        {
            var hash = Fnv1a(word);
            vector[(int)(hash % (ulong)dimensions)] += (hash >> 63) == 0 ? 1f : -1f;
            any = true;
        }
        if (!any)
        {
            vector[0] = 1f;
            return vector;
        }
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm == 0)
        {
            vector[0] = 1f;
            return vector;
        }
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }
        return vector;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static ulong Fnv1a(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(word))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }
}
