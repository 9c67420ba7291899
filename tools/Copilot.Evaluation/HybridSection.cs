using System.Diagnostics;
using System.Text;
using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Connectors.Models.Local;

namespace Copilot.Evaluation;

/// <summary>
/// Retrieval as the assist runs it: the thread through the product's query builder, the product's
/// hybrid search (BM25 fused with the built-in embedding model), then the relevance floors; side by
/// side with plain BM25 and BM25 with stemming, and the floors calibrated on queries whose topic is absent.
/// </summary>
public static class HybridSection
{
    private const string Porter = "porter unicode61 remove_diacritics 2";

    /// <summary>Solved tickets per Bitext intent indexed as past replies for the similar-tickets floors.</summary>
    private const int SolvedPerIntent = 10;

    public static async Task<string> RunAsync(string shared)
    {
        var abcd = Datasets.AbcdWholeThreads(shared);
        var bitext = Bitext.Load(shared);
        var faq = Bitext.LoadFaq(shared);
        var banking = Banking77.LoadFaq(shared);
        var options = new KnowledgeOptions();
        var report = new StringBuilder();
        report.AppendLine($"Generated {DateTime.UtcNow:yyyy-MM-dd}. Top {Evaluator.TopK} retrieved; one hit per source.");
        var runs = new List<(Dataset Dataset, SourceKind Kind, TempIndex Index)>();
        try
        {
            foreach (var (dataset, kind, title) in new[]
            {
                (abcd, SourceKind.Article, $"Article retrieval on ABCD: {abcd.Docs.Count} guideline documents, {abcd.Queries.Count} chats, the customer turns as the thread"),
                (bitext, SourceKind.Macro, $"Macro suggestion on Bitext: {bitext.Docs.Count} macros (one per intent), {bitext.Queries.Count} one-line requests"),
                (faq, SourceKind.Article, $"Paraphrased FAQ questions on Bitext: {faq.Docs.Count} FAQ articles (one per intent, titled with a customer's question), the same {faq.Queries.Count} requests"),
                (banking, SourceKind.Article, $"Paraphrased FAQ questions on banking77: {banking.Docs.Count} FAQ articles (one per intent, titled with its first training question), every tenth test question ({banking.Queries.Count})"),
            })
            {
                var table = await TableAsync(dataset, kind, title, options, previousQuery: dataset == abcd);
                runs.Add((dataset, kind, table.Index));
                report.Append(table.Text);
            }
            var solved = Bitext.LoadSolvedTickets(shared, SolvedPerIntent);
            var solvedIndex = await TempIndex.CreateAsync(solved.Docs, SourceKind.PastReply, options, semantic: true);
            runs.Add((solved, SourceKind.PastReply, solvedIndex));
            report.AppendLine();
            report.Append(await FloorTablesAsync(runs.Where(r => r.Dataset != faq && r.Dataset != banking)
                .Select(r => (r.Dataset == abcd ? "ABCD articles" : r.Kind == SourceKind.Macro ? "Bitext macros" : "Bitext similar tickets", r.Dataset, r.Kind, r.Index)).ToList(), options));
        }
        finally
        {
            foreach (var run in runs)
            {
                await run.Index.DisposeAsync();
            }
        }
        return report.ToString();
    }

    /// <summary>One data set's table, with the two rows the issue's bar compares.</summary>
    /// <param name="Index">The index built with the defaults, for the floor tables; the caller disposes of it.</param>
    public sealed record Table(TempIndex Index, string Text, Metrics Stemmed, Metrics Ours);

    /// <summary>
    /// One data set's table: the baselines, the keyword index alone, the fusion's settings varied one at a time and the
    /// defaults.
    /// </summary>
    public static async Task<Table> TableAsync(Dataset dataset, SourceKind kind, string title, KnowledgeOptions options, bool previousQuery = false)
    {
        var index = await TempIndex.CreateAsync(dataset.Docs, kind, options, semantic: true);
        try
        {
            return await TableAsync(dataset, kind, title, options, previousQuery, index);
        }
        catch
        {
            await index.DisposeAsync();
            throw;
        }
    }

    private static async Task<Table> TableAsync(Dataset dataset, SourceKind kind, string title, KnowledgeOptions options, bool previousQuery, TempIndex index)
    {
        var report = new StringBuilder();
        report.AppendLine();
        report.AppendLine($"### {title}");
        report.AppendLine();
        report.AppendLine(Metrics.Header);
        report.AppendLine((await Evaluator.BaselineAsync("Baseline: plain BM25 over title+body, every word of the thread", dataset)).Row());
        var stemmed = await Evaluator.BaselineAsync("Baseline: BM25 with English stemming (porter), every word of the thread", dataset, Porter);
        report.AppendLine(stemmed.Row());
        if (previousQuery)
        {
            var previous = dataset.WithQueries("previous query", dataset.Queries
                .Select(q => q with { Text = string.Join("\n", q.Turns!.Take(1).Concat(q.Turns!.Skip(1).TakeLast(2))) }).ToList());
            report.AppendLine((await Evaluator.OursAsync("Previous assist query (first and last two customer turns), keyword index", previous, options)).Row());
        }
        report.AppendLine(Row("Ours, keyword search only (thread query builder + BM25 index)", await RankAsync(index, dataset.Queries, kind, keywordOnly: true)));
        foreach (var similarity in RowFloors(options))
        {
            foreach (var weight in RowKeywordWeights)
            {
                report.AppendLine(Row($"hybrid, similarity floor {similarity}, keyword weight {weight}", await RankAsync(index, dataset.Queries, kind, similarity, weight)));
            }
        }
        report.AppendLine(Row("built-in model alone: passage similarity only (title similarity weight 0, keyword weight 0)",
            await RankAsync(index, dataset.Queries, kind, keywordWeight: 0, titleWeight: 0)));
        foreach (var weight in TitleWeights(options))
        {
            report.AppendLine(Row(weight == 0 ? "hybrid, no title vectors (TitleSimilarityWeight 0)" : $"hybrid, title similarity weight {weight}",
                await RankAsync(index, dataset.Queries, kind, titleWeight: weight)));
        }
        // What the built-in model reads: passages of context per vector, and query tokens.
        foreach (var (name, change) in new (string, Action<KnowledgeOptions>)[]
        {
            ("no following passage", o => o.VectorContextPassages = 0),
            ("one following passage", o => o.VectorContextPassages = 1),
            ("float weights (OfflineModelQuantized off)", o => o.OfflineModelQuantized = false),
        }.Concat(new[] { 32, 48, 64, 96, 128, 256 }.Where(t => t != options.OfflineMaxQueryTokensInForce && t <= options.OfflineModelSpec.MaxTokens)
            .Select(t => ($"{t} query tokens", (Action<KnowledgeOptions>)(o => o.OfflineMaxQueryTokens = t))))
        .Concat(LocalModelSpec.All.Where(m => m != options.OfflineModelSpec)
            .Select(m => ($"{m.Name} instead (OfflineModel), with its own settings: ranked from {m.RankSimilarity}, shown from {m.MinSimilarity}, keyword weight {m.KeywordWeight}, title weight {m.TitleWeight}, {m.QueryTokens} query tokens; not the defaults above",
                (Action<KnowledgeOptions>)(o => o.OfflineModel = m.Name)))))
        {
            var changed = Copy(options);
            change(changed);
            await using var variant = await TempIndex.CreateAsync(dataset.Docs, kind, changed, semantic: true);
            report.AppendLine(Row($"built-in model reads {name} (defaults: {options.VectorContextPassages} passages, {options.OfflineMaxQueryTokensInForce} tokens)",
                await RankAsync(variant, dataset.Queries, kind)));
        }
        var ours = Measure($"**Ours** (defaults: {options.OfflineModelSpec.Name}, similarity ranked from {options.OfflineRankSimilarityInForce}, shown from {options.OfflineMinSimilarityInForce}, keyword weight {options.KeywordWeightInForce}, title similarity weight {options.TitleSimilarityWeightInForce})", await RankAsync(index, dataset.Queries, kind));
        report.AppendLine(ours.Row());
        return new Table(index, report.ToString(), stemmed, ours);
    }

    private static string Row(string name, IReadOnlyList<Ranked> ranked) => Measure(name, ranked).Row();

    private static Metrics Measure(string name, IReadOnlyList<Ranked> ranked) =>
        Metrics.From(name, ranked.Select(r => r.Rank).ToList(), ranked.Average(r => r.Ms));

    /// <summary>One query's ranked hits as the product returns them, and where the gold source came.</summary>
    private sealed record Ranked(Query Query, IReadOnlyList<KnowledgeHit> Hits, int? Rank, double Ms);

    private static async Task<IReadOnlyList<Ranked>> RankAsync(
        TempIndex index, IEnumerable<Query> queries, SourceKind kind, double? minSimilarity = null, double? keywordWeight = null, bool keywordOnly = false,
        double? titleWeight = null, bool titlesVeto = true)
    {
        var ranked = new List<Ranked>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var text = ThreadQuery.Build(TempIndex.Thread(query), includeInternalNotes: false);
            var search = new KnowledgeQuery(text, Evaluator.TopK, [kind], "en");
            var hits = keywordOnly
                ? await index.Index.SearchAsync(TempIndex.Tenant, search, CancellationToken.None)
                : await index.SearchAsync(search, minSimilarity, keywordWeight, titleWeight, titlesVeto);
            ranked.Add(new Ranked(query, hits, Evaluator.Rank(hits.Select(h => h.SourceId), query), Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        return ranked;
    }

    /// <summary>
    /// Each query asked twice: with its answer in the index, and with its answer's whole topic (ABCD
    /// flow, Bitext category) taken out, where anything shown is a false positive. One floor varies at a time.
    /// </summary>
    private static async Task<string> FloorTablesAsync(IReadOnlyList<(string Label, Dataset Dataset, SourceKind Kind, TempIndex Index)> runs, KnowledgeOptions options)
    {
        var shown = new Copilot.Api.Assist.AssistOptions().ResultsPerKind;
        // One floor for ranking and showing, then the defaults (null): ranked from OfflineRankSimilarity, shown from OfflineMinSimilarity.
        var similarities = TableFloors(options).Select(f => (double?)f).Append(null).ToArray();
        var present = new Dictionary<(SourceKind, double?), IReadOnlyList<Ranked>>();
        var absent = new Dictionary<(SourceKind, double?), List<Ranked>>();
        // The defaults again, with titles that do not veto (the last row of the first table).
        var presentNoVeto = new Dictionary<SourceKind, IReadOnlyList<Ranked>>();
        var absentNoVeto = new Dictionary<SourceKind, List<Ranked>>();
        foreach (var (_, dataset, kind, index) in runs)
        {
            foreach (var similarity in similarities)
            {
                present[(kind, similarity)] = await RankAsync(index, dataset.Queries, kind, similarity);
                absent[(kind, similarity)] = [];
            }
            presentNoVeto[kind] = await RankAsync(index, dataset.Queries, kind, titlesVeto: false);
            absentNoVeto[kind] = [];
            foreach (var topic in dataset.Docs.GroupBy(d => d.Group))
            {
                var ids = topic.Select(d => d.Id).ToList();
                var restore = await index.WithoutAsync(topic.ToList(), kind);
                foreach (var similarity in similarities)
                {
                    absent[(kind, similarity)].AddRange(await RankAsync(index, dataset.Queries.Where(q => ids.Any(q.IsAnsweredBy)), kind, similarity));
                }
                absentNoVeto[kind].AddRange(await RankAsync(index, dataset.Queries.Where(q => ids.Any(q.IsAnsweredBy)), kind, titlesVeto: false));
                await restore();
            }
        }
        string Header(string first, params string[] columns) =>
            $"| {first} | {string.Join(" | ", runs.SelectMany(r => columns.Select((c, i) => i == 0 ? $"{r.Label}: {c}" : c)))} |\n|---|{string.Concat(Enumerable.Repeat("---|", runs.Count * columns.Length))}";
        string[] floorColumns = ["answer shown", "nothing shown though answered", "topic absent: something shown (false positive)"];
        var report = new StringBuilder();
        report.AppendLine($"### Relevance floors: top {shown} shown, the answer's topic in the index and taken out");
        report.AppendLine();
        report.AppendLine($"Similarity floor of the built-in model, {options.OfflineModelSpec.Name} (keyword floors at their defaults: articles {options.MinArticleRelevance}, macros {options.MinMacroRelevance}, past replies {options.MinPastReplyRelevance}). Similar tickets: {SolvedPerIntent} solved tickets per intent indexed as past replies; the answer is one of the request's intent:");
        report.AppendLine();
        report.AppendLine(Header("similarity floor", floorColumns));
        foreach (var similarity in similarities)
        {
            var cells = runs.SelectMany(r => Cells(present[(r.Kind, similarity)], absent[(r.Kind, similarity)], options.FloorFor([r.Kind]), shown));
            var label = similarity is { } one ? $"{one:0.00} (ranked and shown)" : $"**ranked from {options.OfflineRankSimilarityInForce:0.00}, shown from {options.OfflineMinSimilarityInForce:0.00} (default)**";
            report.AppendLine($"| {label} | {string.Join(" | ", cells)} |");
        }
        {
            var cells = runs.SelectMany(r => Cells(presentNoVeto[r.Kind], absentNoVeto[r.Kind], options.FloorFor([r.Kind]), shown));
            report.AppendLine($"| the default, but a title far from the query takes nothing from its passage's similarity | {string.Join(" | ", cells)} |");
        }
        report.AppendLine();
        report.AppendLine($"Keyword floor (relevance in rare-term units; similarity floors at their defaults, ranked from {options.OfflineRankSimilarityInForce}, shown from {options.OfflineMinSimilarityInForce}), the same floor for every kind; a similar ticket close to the similarity floor needs half of it, a source the model finds unrelated at least {options.MinRelevanceUnrelatedByModel} (`MinRelevanceUnrelatedByModel`, the next table):");
        report.AppendLine();
        report.AppendLine(Header("keyword floor", floorColumns));
        foreach (var keyword in new[] { 0.0, 0.3, 0.5, 0.7, 1.0, 1.5 })
        {
            var cells = runs.SelectMany(r => Cells(present[(r.Kind, (double?)null)], absent[(r.Kind, (double?)null)], options.FloorFor([r.Kind]) with { Keyword = keyword, PastReplySupport = keyword / 2 }, shown));
            report.AppendLine($"| {keyword:0.0} | {string.Join(" | ", cells)} |");
        }
        report.AppendLine();
        report.AppendLine($"Keyword relevance a source needs when the model, which found passages related to the query, finds it below its ranking floor ({options.OfflineRankSimilarityInForce}): unrelated (`MinRelevanceUnrelatedByModel`; other floors at their defaults, so at or below a kind's own keyword floor it is off for that kind):");
        report.AppendLine();
        report.AppendLine(Header("keyword floor when the model finds the source unrelated", floorColumns));
        foreach (var unrelated in new[] { 0.0, 0.75, 1.0, 1.5, 2.0 })
        {
            var cells = runs.SelectMany(r => Cells(present[(r.Kind, (double?)null)], absent[(r.Kind, (double?)null)], options.FloorFor([r.Kind]) with { UnrelatedByModel = unrelated }, shown));
            var label = unrelated == options.MinRelevanceUnrelatedByModel ? $"**{unrelated:0.00} (default)**" : unrelated == 0 ? "0 (off: the kind's floor)" : $"{unrelated:0.00}";
            report.AppendLine($"| {label} | {string.Join(" | ", cells)} |");
        }
        var tickets = runs.Where(r => r.Kind == SourceKind.PastReply).ToList();
        if (tickets.Count > 0)
        {
            report.AppendLine();
            report.AppendLine($"Similar tickets only: how far above the show floor ({options.OfflineMinSimilarityInForce}) a solved ticket's similarity must be for the model's word alone to show it (`PastReplySimilarityMargin`); closer to the floor it also needs half of the keyword floor ({options.MinPastReplyRelevance / 2}). Other floors at their defaults, the tickets after the first held to the same margin (the next table); others shown: tickets of another intent beside those of the request's:");
            report.AppendLine();
            report.AppendLine("| margin | answer shown | nothing shown though answered | others shown | topic absent: something shown (false positive) |\n|---|---|---|---|---|");
            foreach (var margin in new[] { 0.0, 0.05, 0.1, 0.15, 0.2 })
            {
                var cells = tickets.SelectMany(r =>
                {
                    var floor = options.FloorFor([r.Kind]) with { PastReplyMargin = margin, LaterPastReplyMargin = 0 };
                    var (asked, absentRuns) = (present[(r.Kind, (double?)null)], absent[(r.Kind, (double?)null)]);
                    var floorCells = Cells(asked, absentRuns, floor, shown).ToList();
                    var others = asked.Average(p => RelevantKnowledge.Shown(p.Hits, floor, shown).Count(h => !p.Query.IsAnsweredBy(h.SourceId)));
                    return floorCells.Take(2).Append(others.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Append(floorCells[2]);
                });
                var label = margin == options.PastReplySimilarityMargin ? $"**{margin:0.00} (default)**" : margin == 0 ? "0 (off: the show floor alone)" : $"{margin:0.00}";
                report.AppendLine($"| {label} | {string.Join(" | ", cells)} |");
            }
            report.AppendLine();
            report.AppendLine($"Similar tickets after the first: how far above the show floor one must be to be shown beside the first on the model's word alone (`LaterPastReplySimilarityMargin`); with half of the keyword floor ({options.MinPastReplyRelevance / 2}) from its keywords it is shown whatever its similarity. Other floors at their defaults (the first needs {options.PastReplySimilarityMargin}). Of the top {shown}: answer shown, tickets of another intent shown beside those of the request's, and tickets shown when the request's category has none:");
            report.AppendLine();
            report.AppendLine("| margin after the first | answer shown | others shown | topic absent: sources shown |\n|---|---|---|---|");
            foreach (var later in new[] { 0.0, 0.15, 0.2, 0.3 })
            {
                var cells = tickets.SelectMany(r => ShareCells(present[(r.Kind, (double?)null)], absent[(r.Kind, (double?)null)], options.FloorFor([r.Kind]) with { LaterPastReplyMargin = later }, shown));
                var label = later == options.LaterPastReplySimilarityMargin ? $"**{later:0.00} (default)**" : later <= options.PastReplySimilarityMargin ? $"{later:0.00} (off: as the first)" : $"{later:0.00}";
                report.AppendLine($"| {label} | {string.Join(" | ", cells)} |");
            }
        }
        report.AppendLine();
        report.AppendLine($"Share of how far the first stands above the query's baseline (the score of its {HybridKnowledgeSearch.BaselineRank}th source) a later source must reach (`MinShareOfBest`; floors at their defaults). Sources shown per query, of the top {shown}: besides the answer (similar tickets: besides those of the request's intent) when it is in the index, all of them when its topic is absent:");
        report.AppendLine();
        report.AppendLine(Header("share of the first's lead", "answer shown", "others shown", "topic absent: sources shown"));
        foreach (var share in new[] { 0.0, 0.3, 0.4, 0.5, 0.6, 0.7 })
        {
            var cells = runs.SelectMany(r => ShareCells(present[(r.Kind, (double?)null)], absent[(r.Kind, (double?)null)], options.FloorFor([r.Kind]) with { ShareOfBest = share }, shown));
            var label = share == options.MinShareOfBest ? $"**{share:0.0} (default)**" : share == 0 ? "0 (off)" : $"{share:0.0}";
            report.AppendLine($"| {label} | {string.Join(" | ", cells)} |");
        }
        foreach (var share in new[] { 0.4, 0.5, 0.6 })
        {
            var cells = runs.SelectMany(r => ShareCells(present[(r.Kind, (double?)null)], absent[(r.Kind, (double?)null)], options.FloorFor([r.Kind]) with { ShareOfBest = share, ShareAboveBaseline = false }, shown));
            report.AppendLine($"| {share:0.0} of the whole score (from 0, not the baseline) | {string.Join(" | ", cells)} |");
        }
        return report.ToString();
    }

    private static IEnumerable<string> ShareCells(IReadOnlyList<Ranked> present, IReadOnlyList<Ranked> absent, RelevanceFloor floor, int shown)
    {
        var lists = present.Select(r => (r.Query, Hits: RelevantKnowledge.Shown(r.Hits, floor, shown))).ToList();
        var answered = lists.Count(l => l.Hits.Any(h => l.Query.IsAnsweredBy(h.SourceId))) / (double)lists.Count;
        var others = lists.Average(l => l.Hits.Count(h => !l.Query.IsAnsweredBy(h.SourceId)));
        var absentShown = absent.Average(r => RelevantKnowledge.Shown(r.Hits, floor, shown).Count);
        return new[] { answered, others, absentShown }.Select(x => x.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IEnumerable<string> Cells(IReadOnlyList<Ranked> present, IReadOnlyList<Ranked> absent, RelevanceFloor floor, int shown)
    {
        var lists = present.Select(r => (r.Query, Hits: RelevantKnowledge.Shown(r.Hits, floor, shown))).ToList();
        var answered = lists.Count(l => l.Hits.Any(h => l.Query.IsAnsweredBy(h.SourceId))) / (double)lists.Count;
        var empty = lists.Count(l => l.Hits.Count == 0) / (double)lists.Count;
        var falsePositive = absent.Count(r => r.Hits.Any(h => RelevantKnowledge.IsRelevant(h, floor))) / (double)absent.Count;
        return new[] { answered, empty, falsePositive }.Select(x => x.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One floor for ranking and showing, around the model's own: below its ranking floor, at it, at its show floor.</summary>
    private static double[] RowFloors(KnowledgeOptions options) =>
        [Math.Round(options.OfflineRankSimilarityInForce - 0.1, 2), options.OfflineRankSimilarityInForce, options.OfflineMinSimilarityInForce];

    /// <summary>Keyword weights of the retrieval tables' rows.</summary>
    private static double[] RowKeywordWeights => [0.125, 0.25, 0.375];

    /// <summary>Title weights tried beside the model's own.</summary>
    private static double[] TitleWeights(KnowledgeOptions options) =>
        new[] { 0.0, 0.25, 0.5, 0.75, 1.0, 1.5 }.Where(w => w != options.TitleSimilarityWeightInForce).ToArray();

    /// <summary>The floors of the floor table, in steps of 0.05 from below the model's ranking floor to above its show floor.</summary>
    private static double[] TableFloors(KnowledgeOptions options)
    {
        var (from, to) = (options.OfflineRankSimilarityInForce - 0.1, options.OfflineMinSimilarityInForce + 0.1);
        return Enumerable.Range(0, (int)Math.Round((to - from) / 0.05) + 1).Select(i => Math.Round(from + 0.05 * i, 2)).ToArray();
    }

    /// <summary>Every setting of <paramref name="o"/>, in a new object a variant may change.</summary>
    internal static KnowledgeOptions Copy(KnowledgeOptions o) => new()
    {
        TitleWeight = o.TitleWeight, MaxQueryTerms = o.MaxQueryTerms, MaxQueryPostings = o.MaxQueryPostings, SelectTermsByRarity = o.SelectTermsByRarity,
        ExpandInflections = o.ExpandInflections, DropStopWords = o.DropStopWords, PassageMinWords = o.PassageMinWords, PassageMaxWords = o.PassageMaxWords,
        MaxPastReplies = o.MaxPastReplies, OfflineEmbeddings = o.OfflineEmbeddings, OfflineMinSimilarity = o.OfflineMinSimilarity, OfflineRankSimilarity = o.OfflineRankSimilarity,
        OfflineMaxQueryTokens = o.OfflineMaxQueryTokens, VectorContextPassages = o.VectorContextPassages, KeywordWeight = o.KeywordWeight,
        OfflineModel = o.OfflineModel, OfflineModelQuantized = o.OfflineModelQuantized, TitleSimilarityWeight = o.TitleSimilarityWeight,
        MinArticleRelevance = o.MinArticleRelevance, MinMacroRelevance = o.MinMacroRelevance, MinPastReplyRelevance = o.MinPastReplyRelevance,
        MinShareOfBest = o.MinShareOfBest, PastReplySimilarityMargin = o.PastReplySimilarityMargin, LaterPastReplySimilarityMargin = o.LaterPastReplySimilarityMargin,
        MinRelevanceUnrelatedByModel = o.MinRelevanceUnrelatedByModel,
    };
}
