using System.Diagnostics;
using System.Text;
using Copilot.Api.Knowledge;

namespace Copilot.Evaluation;

/// <summary>
/// Retrieval as the assist runs it: the thread through the product's query builder, the product's
/// search, then the relevance floor; side by side with plain BM25 and BM25 with stemming.
/// </summary>
public static class HybridSection
{
    private const string Porter = "porter unicode61 remove_diacritics 2";

    public static async Task<string> RunAsync(string shared)
    {
        var abcd = Datasets.AbcdWholeThreads(shared);
        var bitext = Bitext.Load(shared);
        var options = new KnowledgeOptions();
        var report = new StringBuilder();
        report.AppendLine($"Generated {DateTime.UtcNow:yyyy-MM-dd}. Top {Evaluator.TopK} retrieved; one hit per source.");
        foreach (var (dataset, kind, title) in new[]
        {
            (abcd, SourceKind.Article, $"Article retrieval on ABCD: {abcd.Docs.Count} guideline documents, {abcd.Queries.Count} chats, the customer turns as the thread"),
            (bitext, SourceKind.Macro, $"Macro suggestion on Bitext: {bitext.Docs.Count} macros (one per intent), {bitext.Queries.Count} one-line requests"),
        })
        {
            report.AppendLine();
            report.AppendLine($"### {title}");
            report.AppendLine();
            report.AppendLine(Metrics.Header);
            report.AppendLine((await Evaluator.BaselineAsync("Baseline: plain BM25 over title+body, every word of the thread", dataset)).Row());
            report.AppendLine((await Evaluator.BaselineAsync("Baseline: BM25 with English stemming (porter), every word of the thread", dataset, Porter)).Row());
            if (dataset == abcd)
            {
                var previous = dataset.WithQueries("previous query", dataset.Queries
                    .Select(q => q with { Text = string.Join("\n", q.Turns!.Take(1).Concat(q.Turns!.Skip(1).TakeLast(2))) }).ToList());
                report.AppendLine((await Evaluator.OursAsync("Previous assist query: first and last two customer turns, keyword index", previous, options)).Row());
            }
            var ours = await RankAsync(dataset, kind, options);
            report.AppendLine(Metrics.From("**Ours**: thread query builder + the product's search", ours.Select(r => r.Rank).ToList(), ours.Average(r => r.Ms)).Row());
        }
        report.AppendLine();
        report.Append(await FloorTableAsync(abcd, bitext, options));
        return report.ToString();
    }

    /// <summary>One query's ranked hits as the product returns them, and where the gold source came.</summary>
    internal sealed record Ranked(Query Query, IReadOnlyList<KnowledgeHit> Hits, int? Rank, double Ms);

    internal static async Task<IReadOnlyList<Ranked>> RankAsync(Dataset dataset, SourceKind kind, KnowledgeOptions options)
    {
        await using var temp = await TempIndex.CreateAsync(dataset.Docs, kind, options);
        var ranked = new List<Ranked>(dataset.Queries.Count);
        foreach (var query in dataset.Queries)
        {
            var started = Stopwatch.GetTimestamp();
            var text = ThreadQuery.Build(TempIndex.Thread(query), includeInternalNotes: false);
            var hits = await temp.Index.SearchAsync(TempIndex.Tenant, new KnowledgeQuery(text, Evaluator.TopK, [kind], "en"), CancellationToken.None);
            if (Environment.GetEnvironmentVariable("EVAL_DEBUG") is not null && kind == SourceKind.Article)
            {
                var raw = await temp.Index.SearchAsync(TempIndex.Tenant, new KnowledgeQuery(query.Text, Evaluator.TopK), CancellationToken.None);
                Console.WriteLine("DROPPED: " + string.Join(" / ", (query.Turns ?? []).Where(t => !ThreadQuery.IsInformative(t))));
                Console.WriteLine($"DBG gold={query.GoldId} ours={Evaluator.Rank(hits.Select(h => h.SourceId), query.GoldId)} raw={Evaluator.Rank(raw.Select(h => h.SourceId), query.GoldId)} top={string.Join(",", hits.Take(3).Select(h => h.SourceId + ":" + h.KeywordRelevance))}\n   Q: {text.Replace("\n", " / ")}");
            }
            ranked.Add(new Ranked(query, hits, Evaluator.Rank(hits.Select(h => h.SourceId), query.GoldId), Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        return ranked;
    }

    /// <summary>
    /// Each query asked twice: with its answer in the index, and with its answer's whole topic (ABCD
    /// flow, Bitext category) taken out of the index, where anything shown is a false positive.
    /// </summary>
    private static async Task<string> FloorTableAsync(Dataset abcd, Dataset bitext, KnowledgeOptions options)
    {
        var sets = new List<(IReadOnlyList<Ranked> Present, IReadOnlyList<Ranked> Absent, SourceKind Kind)>();
        foreach (var (dataset, kind) in new[] { (abcd, SourceKind.Article), (bitext, SourceKind.Macro) })
        {
            var absent = new List<Ranked>();
            foreach (var group in dataset.Docs.GroupBy(d => d.Group))
            {
                var ids = group.Select(d => d.Id).ToHashSet();
                var without = new Dataset(dataset.Name, dataset.Docs.Where(d => !ids.Contains(d.Id)).ToList(), dataset.Queries.Where(q => ids.Contains(q.GoldId)).ToList());
                absent.AddRange(await RankAsync(without, kind, options));
            }
            sets.Add((await RankAsync(dataset, kind, options), absent, kind));
        }
        var shown = new Copilot.Api.Assist.AssistOptions().ResultsPerKind;
        if (Environment.GetEnvironmentVariable("EVAL_DEBUG") is not null)
        {
            foreach (var s in sets)
            {
                string Q(IEnumerable<double> xs) { var l = xs.OrderBy(x => x).ToList(); return l.Count == 0 ? "-" : string.Join(" ", new[] { 0.1, 0.25, 0.5, 0.75, 0.9 }.Select(p => l[(int)(p * (l.Count - 1))].ToString("0.00"))); }
                Console.WriteLine($"DIST {s.Kind} raw gold@1: {Q(s.Present.Where(r => r.Rank == 1).Select(r => r.Hits[0].KeywordScore))} | absent top: {Q(s.Absent.Where(r => r.Hits.Count > 0).Select(r => r.Hits[0].KeywordScore))}");
                Console.WriteLine($"DIST {s.Kind} rel gold@1: {Q(s.Present.Where(r => r.Rank == 1).Select(r => r.Hits[0].KeywordRelevance))} | absent top: {Q(s.Absent.Where(r => r.Hits.Count > 0).Select(r => r.Hits[0].KeywordRelevance))}");
                Console.WriteLine($"DIST {s.Kind} gap gold@1: {Q(s.Present.Where(r => r.Rank == 1 && r.Hits.Count > 1).Select(r => r.Hits[0].KeywordScore / r.Hits[1].KeywordScore))} | absent top: {Q(s.Absent.Where(r => r.Hits.Count > 1).Select(r => r.Hits[0].KeywordScore / r.Hits[1].KeywordScore))}");
            }
        }
        var report = new StringBuilder();
        report.AppendLine($"### Relevance floor (keyword relevance: BM25 as a share of the query's attainable score), top {shown} shown");
        report.AppendLine();
        report.AppendLine("| floor | ABCD: answer shown | ABCD: nothing shown though answered | ABCD, topic absent: something shown (false positive) | Bitext: answer shown | Bitext: nothing shown though answered | Bitext, topic absent: false positive |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var floor in new[] { 0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2 })
        {
            var cells = sets.SelectMany(s =>
            {
                var relevance = new RelevanceFloor(floor);
                var present = s.Present.Select(r => r.Hits.Where(h => RelevantKnowledge.IsRelevant(h, relevance)).Take(shown).ToList()).ToList();
                var answered = present.Zip(s.Present, (hits, r) => hits.Any(h => h.SourceId == r.Query.GoldId)).Count(x => x);
                var empty = present.Count(h => h.Count == 0);
                var falsePositive = s.Absent.Count(r => r.Hits.Any(h => RelevantKnowledge.IsRelevant(h, relevance)));
                return new[] { answered / (double)present.Count, empty / (double)present.Count, falsePositive / (double)s.Absent.Count };
            });
            report.AppendLine($"| {floor:0.00} | {string.Join(" | ", cells.Select(c => c.ToString("0.00")))} |");
        }
        return report.ToString();
    }
}
