using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Copilot.Api.ModelTasks;

/// <summary>
/// The prompt files embedded from each feature's <c>Prompts/</c> folder (shared snippets in <c>ModelTasks/Prompts/</c>): one per task and version (<c>draft.v1.md</c>),
/// shared snippets (<c>_rules.md</c>, included as <c>{{&gt; rules}}</c>) and output schemas beside them
/// (<c>summary.v1.schema.json</c>). Variables are <c>{{name}}</c>; unknown ones are left alone, so
/// helpdesk placeholders such as <c>{{ticket.requester.name}}</c> survive.
/// </summary>
public static partial class PromptLibrary
{
    private static readonly FrozenDictionary<string, string> Files = Load();

    /// <summary>The task prompt <paramref name="name"/> (e.g. "draft.v1") with snippets included and variables filled.</summary>
    public static string Render(string name, IReadOnlyDictionary<string, string>? variables = null)
    {
        var text = Snippet().Replace(Get(name + ".md"), m => Get("_" + m.Groups["name"].Value + ".md").TrimEnd());
        if (variables is not null)
        {
            text = Variable().Replace(text, m => variables.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value);
        }
        return text.Trim();
    }

    public static JsonElement Schema(string name) => JsonDocument.Parse(Get(name + ".schema.json")).RootElement.Clone();

    private static string Get(string file) =>
        Files.TryGetValue(file, out var text) ? text : throw new InvalidOperationException($"No prompt file {file} is embedded.");

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(PromptLibrary).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Prompts.", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            files[resource["Prompts.".Length..]] = reader.ReadToEnd().ReplaceLineEndings("\n");
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\{\{>\s*(?<name>[a-z_]+)\s*\}\}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Snippet();

    [GeneratedRegex(@"\{\{(?<name>[a-z_]+)\}\}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Variable();
}
