using System.Text;
using System.Text.Json.Nodes;

namespace Copilot.Tests.Security;

/// <summary>One request of the fuzz run: what it changes, and the request itself (credentials are added by the runner).</summary>
public sealed record FuzzCase(string Label, string Method, string PathAndQuery, byte[]? Body, string? ContentType);

/// <summary>
/// Requests that are wrong in one way each, derived from one operation of the OpenAPI document:
/// odd path parameters, query values of the wrong type, size or encoding, and bodies that are
/// not JSON, not UTF-8, too large, too deep, of the wrong shape, or with a field of the wrong type or missing.
/// </summary>
public static class FuzzCases
{
    private static readonly string[] OddPathValues =
    [
        "0", "-1", "9223372036854775808", "99999999999999999999999", "1.5", "1e3", "abc", "null", "%00", "%FF%FE",
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a%20b", "%F0%9F%98%80", "%E2%80%AE", "%0D%0A", "%27%20OR%201%3D1--",
        "%7Bid%7D", "%25", new('9', 300), new('a', 3000),
    ];

    private static readonly string[] OddQueryValues =
    [
        "", "abc", "-1", "0", "2147483648", "9223372036854775808", "1e309", "NaN", "Infinity", "true", "%00", "%FF",
        "%0D%0A", "%E2%80%AE", "9999-12-31", "0001-01-01", "2026-02-30", new('a', 5000),
    ];

    private static readonly JsonNode?[] WrongValues =
    [
        123, -1, 1.5, "x", true, null, new JsonArray(), new JsonObject(), new string('x', 100_000), "\u0000\u001b\r\n",
        1e308, JsonValue.Create(decimal.MaxValue),
    ];

    public static IEnumerable<FuzzCase> For(JsonObject document, string template, string method, JsonObject operation, IReadOnlyDictionary<string, string> samples)
    {
        var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var pathNames = parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList();
        var queryNames = parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).ToList();
        var basePath = Fill(template, samples);
        var baseQuery = queryNames.Where(samples.ContainsKey).ToDictionary(n => n, n => samples[n]);

        foreach (var name in pathNames)
        {
            foreach (var odd in OddPathValues.Append(""))
            {
                yield return new($"path {name}={Short(odd)}", method, Fill(template, new Dictionary<string, string>(samples) { [name] = odd }) + Query(baseQuery), null, null);
            }
        }
        foreach (var name in queryNames)
        {
            foreach (var odd in OddQueryValues)
            {
                yield return new($"query {name}={Short(odd)}", method, basePath + Query(new Dictionary<string, string>(baseQuery) { [name] = odd }), null, null);
            }
            yield return new($"query {name} twice", method, basePath + Query(baseQuery) + (baseQuery.Count == 0 ? "?" : "&") + $"{name}=1&{name}=2", null, null);
        }
        var path = basePath + Query(baseQuery);
        var content = operation["requestBody"]?["content"] as JsonObject;
        var types = content?.Select(c => c.Key).ToList() ?? [];
        if (method is "get" or "delete" && types.Count == 0)
        {
            yield break;
        }
        foreach (var body in JunkBodies(types.FirstOrDefault() ?? "application/json"))
        {
            yield return body with { Method = method, PathAndQuery = path };
        }
        if (types.Contains("application/json") && Resolve(document, content!["application/json"]!["schema"]) is { } schema)
        {
            foreach (var body in ShapedBodies(document, schema))
            {
                yield return body with { Method = method, PathAndQuery = path };
            }
        }
    }

    private static IEnumerable<FuzzCase> JunkBodies(string contentType)
    {
        var json = contentType == "application/json";
        FuzzCase Body(string label, byte[] bytes, string? type = null) => new(label, "", "", bytes, type ?? contentType);
        FuzzCase Text(string label, string text, string? type = null) => Body(label, Encoding.UTF8.GetBytes(text), type);
        yield return Text("empty body", "");
        yield return Text("whitespace body", " \r\n ");
        foreach (var literal in new[] { "null", "true", "0", "-1", "1e400", "\"s\"", "[]", "{}", "{", "{\"a\":}", "{\"\\u0000\":1}", "\uFEFF{}" })
        {
            yield return Text($"body {Short(literal)}", literal);
        }
        yield return Text("nesting 10,000 deep", new string('[', 10_000) + new string(']', 10_000));
        yield return Text("object nesting 5,000 deep", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000));
        yield return Body("invalid UTF-8 in a value", [.. "{\"type\":\""u8, 0xC3, 0x28, 0xFF, .. "\",\"text\":\"a\",\"instructions\":\"b\"}"u8]);
        yield return Body("UTF-16 text", Encoding.Unicode.GetBytes("{\"a\":\"b\"}"));
        yield return Text("over 1 MB", "{\"a\":\"" + new string('x', 1_100_000) + "\"}");
        yield return Text("just under 1 MB", "{\"a\":\"" + new string('x', 1_000_000) + "\"}");
        yield return Text("10,000 keys", "{" + string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"\"k{i}\":{i}")) + "}");
        yield return Text("no content type", "{}", "");
        yield return Text("text/plain", "{}", "text/plain");
        yield return Text("xml", "<a/>", "application/xml");
        yield return Text("charset utf-16 label", "{}", "application/json; charset=utf-16");
        yield return Text("multipart without boundary", "--x\r\n", "multipart/form-data");
        yield return Text("broken multipart", "--x\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nabc", "multipart/form-data; boundary=x");
        yield return Text("form with 5,000 fields", string.Join('&', Enumerable.Range(0, 5_000).Select(i => $"f{i}=v")), "application/x-www-form-urlencoded");
        yield return Text("form with a bad token", "token=not.a.jwt", "application/x-www-form-urlencoded");
        yield return Text("form with a 5-part token", "token=a.b.c.d.e", "application/x-www-form-urlencoded");
        if (!json)
        {
            yield return Text("markdown 20,000-column table", "# T\n\n|" + string.Concat(Enumerable.Repeat(" a |", 20_000)) + "\n|" + string.Concat(Enumerable.Repeat("---|", 20_000)) + "\n", "text/markdown");
            yield return Text("ndjson junk lines", "{\n[1]\n{\"id\":1,\"title\":2,\"body\":[]}\n\u0000\n", "application/x-ndjson");
            yield return Body("ndjson invalid UTF-8", [(byte)'{', (byte)'"', (byte)'i', (byte)'d', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}'], "application/x-ndjson");
        }
    }

    /// <summary>A body of the schema's shape, then that body with one field of the wrong type or missing, one at a time.</summary>
    private static IEnumerable<FuzzCase> ShapedBodies(JsonObject document, JsonObject schema)
    {
        var example = Example(document, schema, depth: 0) as JsonObject ?? [];
        yield return Json("a body of the documented shape", example);
        foreach (var (name, _) in example.ToList())
        {
            foreach (var wrong in WrongValues)
            {
                var copy = (JsonObject)example.DeepClone();
                copy[name] = wrong?.DeepClone();
                yield return Json($"{name}={Short(wrong?.ToJsonString() ?? "null")}", copy);
            }
            var without = (JsonObject)example.DeepClone();
            without.Remove(name);
            yield return Json($"without {name}", without);
            if (example[name] is JsonArray { Count: > 0 } items && items[0] is JsonObject item)
            {
                foreach (var (inner, _) in item.ToList())
                {
                    foreach (var wrong in WrongValues)
                    {
                        var copy = (JsonObject)example.DeepClone();
                        copy[name]![0]![inner] = wrong?.DeepClone();
                        yield return Json($"{name}[0].{inner}={Short(wrong?.ToJsonString() ?? "null")}", copy);
                    }
                }
            }
        }
    }

    private static FuzzCase Json(string label, JsonNode body) => new(label, "", "", Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");

    private static JsonNode? Example(JsonObject document, JsonObject schema, int depth)
    {
        schema = Resolve(document, schema) ?? schema;
        if (schema["enum"] is JsonArray { Count: > 0 } values)
        {
            return values[0]?.DeepClone();
        }
        var types = schema["type"] switch
        {
            JsonArray a => a.Select(t => (string?)t).ToList(),
            JsonValue v => [(string?)v],
            _ => [],
        };
        if (types.Contains("object") || schema["properties"] is not null)
        {
            var o = new JsonObject();
            foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
            {
                o[name] = depth < 3 && property is JsonObject p ? Example(document, p, depth + 1) : null;
            }
            return o;
        }
        if (types.Contains("array"))
        {
            return depth < 3 && schema["items"] is JsonObject items ? new JsonArray(Example(document, items, depth + 1)) : new JsonArray();
        }
        return types.Contains("integer") ? 1 : types.Contains("number") ? 1.5 : types.Contains("boolean") ? true : types.Contains("string") ? "x" : null;
    }

    /// <summary>A <c>$ref</c>, or the non-null branch of a <c>oneOf</c>, as the schema it stands for.</summary>
    private static JsonObject? Resolve(JsonObject document, JsonNode? schema)
    {
        if (schema?["oneOf"] is JsonArray branches)
        {
            schema = branches.FirstOrDefault(b => (string?)b?["type"] != "null");
        }
        return schema?["$ref"] is JsonValue reference
            ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]] as JsonObject
            : schema as JsonObject;
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{([^}]+)\}", m => values.GetValueOrDefault(m.Groups[1].Value, "1"));

    private static string Query(IReadOnlyDictionary<string, string> values) =>
        values.Count == 0 ? "" : "?" + string.Join('&', values.Select(kv => $"{kv.Key}={kv.Value}"));

    private static string Short(string text) => text.Length > 24 ? $"{text[..12]}…({text.Length})" : text;
}
