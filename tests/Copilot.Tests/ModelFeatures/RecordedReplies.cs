using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Copilot.Fakes.OpenAI;

namespace Copilot.Tests.ModelFeatures;

/// <summary>
/// Answers of the fake model checked in under <c>tests/Copilot.Tests/Fixtures/openai/</c>, keyed by the
/// hash of the request they answer (<see cref="FakeOpenAIKeys"/>) and stored with that request, so a
/// re-recording shows in review exactly how the prompt changed.
/// </summary>
public static class RecordedReplies
{
    /// <summary>Set to 1 to rewrite a fixture's key and request for the prompt as it is now (its answer is kept).</summary>
    public const string RecordVariable = "COPILOT_RECORD_FIXTURES";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    /// <summary>The copies next to the test assembly, which the tests read.</summary>
    public static string OutputDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "openai");

    /// <summary>The checked-in files, which recording rewrites.</summary>
    public static string SourceDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "Fixtures", "openai"));

    /// <summary>The fixtures of <paramref name="file"/>: key, answer, and the request they were recorded for.</summary>
    public static JsonArray Read(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDirectory, file)))!.AsArray();

    /// <summary>Re-keys the fixture at <paramref name="index"/> of <paramref name="file"/> to <paramref name="request"/>, in the source tree.</summary>
    public static string Rerecord(string file, int index, FakeChatRequest request)
    {
        var path = Path.Combine(SourceDirectory(), file);
        var fixtures = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        var fixture = fixtures[index]!.AsObject();
        fixture["key"] = request.Key;
        fixture["request"] = new JsonObject
        {
            ["model"] = request.Model,
            ["messages"] = new JsonArray([.. request.Messages.Select(m => new JsonObject { ["role"] = m.Role, ["content"] = m.Content })]),
        };
        File.WriteAllText(path, fixtures.ToJsonString(Indented) + "\n");
        return path;
    }
}
