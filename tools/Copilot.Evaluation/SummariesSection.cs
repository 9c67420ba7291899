using System.Diagnostics;
using System.Text;
using Copilot.Api.Replays.Measures;
using Copilot.Api.Summaries;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Evaluation;

/// <summary>Offline thread summaries on TweetSumm: ROUGE-L F1 of the text the product records, beside extractive baselines.</summary>
public static class SummariesSection
{
    /// <summary>The last commit before the summaries of issue #9: its summarizer is the "before" row.</summary>
    public const string Before = "da710af";

    public static Task<string> RunAsync(string shared)
    {
        var cases = TweetSumm.Load(shared);
        var summarizer = new OfflineSummarizer();
        var rows = new List<(string Name, Func<HelpdeskThread, string> Summarize)>
        {
            ("**Baseline**: the first customer message and the first agent reply, as written", FirstCustomerAndAgent),
            ("the customer's first message alone", t => t.Comments.FirstOrDefault(c => c.Author.Role == AuthorRole.Customer)?.Text ?? ""),
        };
        if (EarlierBuild.Load(Before) is { } earlier)
        {
            rows.Add(($"the offline summary before (commit {earlier.Commit}), as recorded", EarlierSummary(earlier)));
        }
        rows.Add(("**Ours**: the offline summary as recorded (four labelled parts)", t => summarizer.Summarize(t, includeInternalNotes: false).ToText()));
        var report = new StringBuilder();
        report.AppendLine($"TweetSumm validation split: {cases.Count} dialogues, {cases.Sum(c => c.References.Count)} human summaries. Generated {DateTime.UtcNow:yyyy-MM-dd}.");
        report.AppendLine();
        report.AppendLine("| summary | ROUGE-L F1 | words (mean) | ms/thread |");
        report.AppendLine("|---|---|---|---|");
        foreach (var (name, summarize) in rows)
        {
            _ = cases.Select(c => summarize(c.Thread)).ToList(); // warm-up, so the time is not the JIT's
            var watch = Stopwatch.StartNew();
            var texts = cases.Select(c => summarize(c.Thread)).ToList();
            var ms = watch.Elapsed.TotalMilliseconds / cases.Count;
            var f1 = cases.Select((c, i) => Rouge.MeanF1(c.References, texts[i])).Average();
            var words = texts.Average(t => Rouge.Tokens(t).Count);
            report.AppendLine($"| {name} | {f1:0.000} | {words:0} | {ms:0.00} |");
        }
        return Task.FromResult(report.ToString());
    }

    /// <summary>The earlier summarizer's four parts, rendered as the suggestion log records them.</summary>
    private static Func<HelpdeskThread, string> EarlierSummary(EarlierBuild build)
    {
        var type = build.Api.GetType("Copilot.Api.Offline.OfflineSummarizer", throwOnError: true)!;
        var instance = Activator.CreateInstance(type)!;
        var summarize = type.GetMethod("Summarize", [typeof(HelpdeskThread), typeof(bool)])!;
        return thread =>
        {
            var summary = summarize.Invoke(instance, [thread, false])!;
            string Part(string name) => (string)summary.GetType().GetProperty(name)!.GetValue(summary)!;
            return new ThreadSummary(Part("CustomerWants"), Part("Tried"), Part("Status"), Part("NextStep")).ToText();
        };
    }

    private static string FirstCustomerAndAgent(HelpdeskThread thread) =>
        string.Join("\n", new[]
        {
            thread.Comments.FirstOrDefault(c => c.Author.Role == AuthorRole.Customer)?.Text,
            thread.Comments.FirstOrDefault(c => c.Author.Role == AuthorRole.Agent)?.Text,
        }.Where(t => t is not null));
}
