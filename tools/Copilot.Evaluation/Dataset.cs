using System.Text.Json;

namespace Copilot.Evaluation;

/// <summary>Knowledge articles and queries with the id of the article that answers each.</summary>
public sealed record Dataset(string Name, IReadOnlyList<Doc> Docs, IReadOnlyList<Query> Queries)
{
    public Dataset WithQueries(string name, IReadOnlyList<Query> queries) => this with { Name = name, Queries = queries };
}

/// <param name="Group">The topic the document belongs to (ABCD flow, Bitext category): removed together to make "no answer in the index".</param>
public sealed record Doc(string Id, string Title, string Text, string? Group = null);

/// <param name="Turns">The customer's turns one by one, where the query is a conversation.</param>
/// <param name="OtherAnswers">Other sources that answer it as well as the gold one (a FAQ set may name several).</param>
public sealed record Query(string Text, string GoldId, IReadOnlyList<string>? Turns = null, IReadOnlyList<string>? OtherAnswers = null)
{
    /// <summary>Whether the source is the query's answer by its id: the gold source or one of the others named.</summary>
    public bool Names(string sourceId) => sourceId == GoldId || OtherAnswers?.Contains(sourceId) == true;

    /// <summary>Whether a source answers the query: the gold source itself, or one of a group the gold names ("intent/k" for "intent").</summary>
    public bool IsAnsweredBy(string sourceId) =>
        Names(sourceId) || (sourceId.Length > GoldId.Length && sourceId[GoldId.Length] == '/' && sourceId.StartsWith(GoldId, StringComparison.Ordinal));
}

public static class Datasets
{
    /// <summary>
    /// ABCD (asappresearch/abcd): 55 agent guideline documents; 50 chats whose customer turns
    /// before the agent's first action are the query and whose subflow names the gold document.
    /// </summary>
    public static Dataset Abcd(string shared)
    {
        var folder = Path.Combine(shared, "datasets", "abcd");
        var docs = ReadLines(Path.Combine(folder, "kb_guideline_docs.jsonl"))
            .Select(e => new Doc(e.GetProperty("doc_id").GetString()!, e.GetProperty("title").GetString()!, e.GetProperty("text").GetString()!, e.GetProperty("flow").GetString()))
            .ToList();
        var queries = ReadLines(Path.Combine(folder, "eval_queries_50.jsonl"))
            .Select(e => new Query(e.GetProperty("query_customer_turns_before_first_action").GetString()!, e.GetProperty("gold_doc_id").GetString()!))
            .ToList();
        return new Dataset("first customer turns", docs, queries);
    }

    /// <summary>The same 50 chats, each queried with every customer turn of the chat: a long, noisy ticket thread.</summary>
    public static Dataset AbcdWholeThreads(string shared)
    {
        var folder = Path.Combine(shared, "datasets", "abcd");
        var first = Abcd(shared);
        var queries = ReadLines(Path.Combine(folder, "eval_queries_50.jsonl"))
            .Select(e => (Gold: e.GetProperty("gold_doc_id").GetString()!, Turns: e.GetProperty("dialog").EnumerateArray()
                .Where(t => t.GetProperty("speaker").GetString() == "customer")
                .Select(t => t.GetProperty("text").GetString()!)
                .ToList()))
            .Select(c => new Query(string.Join("\n", c.Turns), c.Gold, c.Turns))
            .ToList();
        return first.WithQueries("all customer turns of the chat", queries);
    }

    private static IEnumerable<JsonElement> ReadLines(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonDocument.Parse(l).RootElement.Clone());

    /// <summary>The repository root: the first folder above the program that holds Copilot.sln.</summary>
    public static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Copilot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Copilot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The shared folder sits beside the repository.</summary>
    public static string FindShared() => Path.GetFullPath(Path.Combine(FindRepo(), "..", "shared"));
}
