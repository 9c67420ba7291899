namespace Copilot.Evaluation;

/// <summary>
/// banking77 (PolyAI, CC-BY-4.0) as a second paraphrased-FAQ task, from another domain than Bitext: one FAQ article per
/// intent whose title is the intent's first training question as a customer wrote it and whose body names the intent
/// ("card arrival"); every tenth test question of the intent is a paraphrase of that question.
/// </summary>
public static class Banking77
{
    public static Dataset LoadFaq(string shared)
    {
        IEnumerable<string[]> Rows(string file) =>
            Bitext.Csv(File.ReadAllText(Path.Combine(shared, "datasets", "banking77", file))).Skip(1).Where(r => r.Length == 2);
        var docs = Rows("train.csv").GroupBy(r => r[1]).Select(g => g.First())
            .Select(r => new Doc(r[1], r[0].Trim(), r[1].Replace('_', ' '), r[1])).ToList();
        var queries = Rows("test.csv").Where((_, i) => i % 10 == 0).Select(r => new Query(r[0].Trim(), r[1], [r[0].Trim()])).ToList();
        return new Dataset("banking77 questions → one FAQ article per intent", docs, queries);
    }
}
