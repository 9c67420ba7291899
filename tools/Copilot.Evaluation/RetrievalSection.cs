using System.Text;
using Copilot.Api.Knowledge;

namespace Copilot.Evaluation;

/// <summary>Knowledge retrieval on ABCD and Bitext: our index side by side with plain BM25, one setting changed at a time.</summary>
public static class RetrievalSection
{
    public static async Task<string> RunAsync(string shared)
    {
        var sets = new[] { Datasets.Abcd(shared), Datasets.AbcdWholeThreads(shared) };
        var defaults = new KnowledgeOptions();
        const string Porter = "porter unicode61 remove_diacritics 2";

        var report = new StringBuilder();
        report.AppendLine($"ABCD: {sets[0].Docs.Count} guideline documents, {sets[0].Queries.Count} chats; top {Evaluator.TopK} retrieved. Generated {DateTime.UtcNow:yyyy-MM-dd}.");
        foreach (var dataset in sets)
        {
            var words = dataset.Queries.Average(q => q.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
            report.AppendLine();
            report.AppendLine($"### Queries: {dataset.Name} (mean {words:0} words)");
            report.AppendLine();
            report.AppendLine(Metrics.Header);
            report.AppendLine((await Evaluator.BaselineAsync("**Baseline**: plain BM25 over title+body", dataset)).Row());
            report.AppendLine((await Evaluator.OursAsync($"**Ours** (unicode61, title weight {defaults.TitleWeight}, {defaults.PassageMinWords}-{defaults.PassageMaxWords} word passages, stop words, {defaults.MaxQueryTerms} terms)", dataset, defaults)).Row());
            if (PostgresSchema.ConnectionString is not null)
            {
                report.AppendLine((await Evaluator.OursAsync("**Ours on PostgreSQL** (tsvector in each language's configuration, BM25 from ts_rank_cd; same options)", dataset, defaults, postgres: true)).Row());
            }
            report.AppendLine($"| *one change from ours:* | | | | | |");
            report.AppendLine((await Evaluator.OursAsync("tokenizer porter unicode61 (English stemming; terms by query frequency)", dataset, Copy(defaults, o => o.SelectTermsByRarity = false), Porter)).Row());
            report.AppendLine((await Evaluator.OursAsync("English inflections expanded (ExpandInflections)", dataset, Copy(defaults, o => o.ExpandInflections = true))).Row());
            report.AppendLine((await Evaluator.OursAsync("terms by query frequency, no rarity lookup", dataset, Copy(defaults, o => o.SelectTermsByRarity = false))).Row());
            report.AppendLine((await Evaluator.OursAsync("stop words kept", dataset, Copy(defaults, o => o.DropStopWords = false))).Row());
            foreach (var weight in new[] { 1.0, 2.0, 8.0, 16.0 })
            {
                report.AppendLine((await Evaluator.OursAsync($"title weight {weight}", dataset, Copy(defaults, o => o.TitleWeight = weight))).Row());
            }
            foreach (var (min, max) in new[] { (20, 40), (80, 160), (160, 320), (1000, 2000) })
            {
                report.AppendLine((await Evaluator.OursAsync($"passages {min}-{max} words{(min >= 1000 ? " (whole document)" : "")}", dataset, Copy(defaults, o => { o.PassageMinWords = min; o.PassageMaxWords = max; }))).Row());
            }
            foreach (var terms in new[] { 8, 32, 64 })
            {
                report.AppendLine((await Evaluator.OursAsync($"query terms kept: {terms}", dataset, Copy(defaults, o => o.MaxQueryTerms = terms))).Row());
            }
        }
        var bitext = Bitext.Load(shared);
        report.AppendLine();
        report.AppendLine($"### Bitext: {bitext.Docs.Count} macros (one per intent), {bitext.Queries.Count} requests");
        report.AppendLine();
        report.AppendLine(Metrics.Header);
        report.AppendLine((await Evaluator.BaselineAsync("**Baseline**: plain BM25 over title+body", bitext)).Row());
        report.AppendLine((await Evaluator.OursAsync("**Ours** (defaults)", bitext, defaults)).Row());
        if (PostgresSchema.ConnectionString is not null)
        {
            report.AppendLine((await Evaluator.OursAsync("**Ours on PostgreSQL** (defaults)", bitext, defaults, postgres: true)).Row());
        }
        report.AppendLine($"| *one change from ours:* | | | | | |");
        report.AppendLine((await Evaluator.OursAsync("tokenizer porter unicode61 (terms by query frequency)", bitext, Copy(defaults, o => o.SelectTermsByRarity = false), Porter)).Row());
        report.AppendLine((await Evaluator.OursAsync("English inflections expanded (ExpandInflections)", bitext, Copy(defaults, o => o.ExpandInflections = true))).Row());
        report.AppendLine((await Evaluator.OursAsync("stop words kept", bitext, Copy(defaults, o => o.DropStopWords = false))).Row());
        report.AppendLine((await Evaluator.OursAsync("title weight 1", bitext, Copy(defaults, o => o.TitleWeight = 1))).Row());
        report.AppendLine((await Evaluator.OursAsync("passages 80-160 words", bitext, Copy(defaults, o => { o.PassageMinWords = 80; o.PassageMaxWords = 160; }))).Row());
        return report.ToString();
    }

    private static KnowledgeOptions Copy(KnowledgeOptions o, Action<KnowledgeOptions> change)
    {
        var copy = HybridSection.Copy(o);
        change(copy);
        return copy;
    }
}
