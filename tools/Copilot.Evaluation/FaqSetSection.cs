using System.Text;
using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Check;

namespace Copilot.Evaluation;

/// <summary>
/// Any paraphrased-FAQ set, measured as the built-in ones are (<see cref="HybridSection.TableAsync"/>): the articles in the
/// file format of the knowledge import (<c>{"id","title","body",…}</c> per line) and the questions in that of the knowledge
/// check (<c>{"question","expected"}</c>, expected an article id or a list of them, any of which counts). The table sets
/// the assist's search beside BM25 with and without stemming in one run, and ends with the difference in Recall@1 over
/// BM25 with stemming. Questions are read as English, as the built-in models are.
/// </summary>
public static class FaqSetSection
{
    /// <summary>The gain in Recall@1 over BM25 with stemming that a paraphrased-FAQ set is held to, in points.</summary>
    public const int Bar = 20;

    public static async Task<string> RunAsync(string articlesPath, string questionsPath)
    {
        var dataset = Load(articlesPath, questionsPath);
        var title = $"{Path.GetFileName(articlesPath)}: {dataset.Docs.Count} FAQ articles, {dataset.Queries.Count} questions ({Path.GetFileName(questionsPath)})";
        var table = await HybridSection.TableAsync(dataset, SourceKind.Article, title, new KnowledgeOptions());
        await table.Index.DisposeAsync();
        var gain = (int)Math.Round((table.Ours.RecallAt1 - table.Stemmed.RecallAt1) * 100, MidpointRounding.AwayFromZero);
        var report = new StringBuilder();
        report.AppendLine($"Generated {DateTime.UtcNow:yyyy-MM-dd}. Top {Evaluator.TopK} retrieved; one hit per source.");
        report.Append(table.Text);
        report.AppendLine();
        report.AppendLine($"Recall@1: ours {table.Ours.RecallAt1:0.00}, BM25 with stemming {table.Stemmed.RecallAt1:0.00}: {gain:+0;-0;0} points ({(gain >= Bar ? "meets" : "below")} the bar of +{Bar}).");
        return report.ToString();
    }

    /// <summary>The set, or an <see cref="InvalidDataException"/> naming each bad line as the product's routes would.</summary>
    public static Dataset Load(string articlesPath, string questionsPath)
    {
        var articles = KnowledgeImport.ParseJsonLines(File.ReadAllText(articlesPath), DateTimeOffset.UtcNow);
        if (!articles.IsValid)
        {
            throw new InvalidDataException(Describe(articlesPath, articles.Errors));
        }
        var parsed = KnowledgeCheckFile.Parse(File.ReadAllText(questionsPath), maxQuestions: int.MaxValue);
        var (questions, errors) = (parsed.Questions, parsed.Errors.ToDictionary());
        var ids = articles.Documents.Select(d => d.SourceId).ToHashSet(StringComparer.Ordinal);
        foreach (var question in questions.Where(q => q.Expected.Any(id => !ids.Contains(id))))
        {
            errors[$"line {question.Line}"] = [$"No article has the id {string.Join(", ", question.Expected.Where(id => !ids.Contains(id)))}."];
        }
        if (errors.Count > 0)
        {
            throw new InvalidDataException(Describe(questionsPath, errors));
        }
        return new Dataset(Path.GetFileName(articlesPath),
            articles.Documents.Select(d => new Doc(d.SourceId, d.Title, d.Text)).ToList(),
            questions.Select(q => new Query(q.Question, q.Expected[0], OtherAnswers: q.Expected.Skip(1).ToList())).ToList());
    }

    /// <summary>The problems in the order of the file's lines (the whole file's first).</summary>
    private static string Describe(string path, IReadOnlyDictionary<string, string[]> errors) =>
        $"{path}:\n" + string.Join("\n", errors.OrderBy(e => e.Key.StartsWith("line ", StringComparison.Ordinal) ? int.Parse(e.Key[5..]) : 0)
            .Take(20).Select(e => $"  {e.Key}: {string.Join(" ", e.Value)}"))
        + (errors.Count > 20 ? $"\n  … and {errors.Count - 20} more" : "");
}
