using System.Globalization;
using System.Text;
using System.Text.Json;
using Copilot.Api.Demo;
using Copilot.Api.Replays;
using Copilot.Api.Replays.Report;
using Copilot.Api.Replays.Sources;
using Copilot.Fakes.Abcd;
using Copilot.Fakes.Zendesk;

namespace Copilot.Evaluation;

/// <summary>
/// Replays before go-live on real conversations and on the demo account: the 50 ABCD chats as a JSON Lines file
/// (ABCD's guidelines as the tenant's only knowledge; each chat's customer turns as its message and its agent turns as
/// what the agent sent; the guideline the chat follows as the article it used; its flow as its intent), and the Zendesk
/// demo account's solved tickets read through the incremental export. Each writes its HTML report under artifacts/replay/.
/// </summary>
public static class ReplaySection
{
    public static async Task<string> RunAsync(string shared)
    {
        var report = new StringBuilder();
        var folder = Path.Combine(Datasets.FindRepo(), "artifacts", "replay");
        Directory.CreateDirectory(folder);

        var abcd = AbcdChats.Load(Path.Combine(shared, "datasets", "abcd"));
        var knowledge = abcd.ToZendesk();
        knowledge.Tickets.Clear();
        var flows = abcd.Chats.Select(c => c.Flow).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await using (var host = await ReplayEvalHost.StartAsync(knowledge, flows))
        {
            var lines = AbcdLines(abcd, Gold(shared)).Select(l => new ReplayCandidate(l.Id, l.SolvedAt, l.Intent, l.Group) { Input = l.Json }).ToList();
            var result = await host.ReplayAsync(new ReplayRequest { Source = ReplaySources.Jsonl, Label = "ABCD, 50 chats" }, lines);
            await File.WriteAllTextAsync(Path.Combine(folder, "abcd.html"), ReplayHtml.Render(result));
            await File.WriteAllTextAsync(Path.Combine(folder, "abcd.json"), JsonSerializer.Serialize(result, ReplayReportJson.Options));
            report.AppendLine("ABCD: 50 chats, guidelines as the only knowledge, offline provider (report: `artifacts/replay/abcd.html`).").AppendLine();
            report.Append(Table(result));
        }

        await using (var host = await ReplayEvalHost.StartAsync(FakeZendeskData.LoadDemo(), DemoIntents.Lumora.Names, DemoIntents.Lumora.Examples()))
        {
            var result = await host.ReplayAsync(new ReplayRequest { From = DateTimeOffset.UnixEpoch, Label = "Zendesk demo account" }, null);
            await File.WriteAllTextAsync(Path.Combine(folder, "demo-zendesk.html"), ReplayHtml.Render(result));
            await File.WriteAllTextAsync(Path.Combine(folder, "demo-zendesk.json"), JsonSerializer.Serialize(result, ReplayReportJson.Options));
            report.AppendLine().AppendLine("Zendesk demo account (Lumora Home): its solved tickets through the incremental export, offline provider (report: `artifacts/replay/demo-zendesk.html`).").AppendLine();
            report.Append(Table(result));
        }
        return report.ToString();
    }

    /// <summary>Each chat as one JSONL ticket; its id is the solved ticket's id the fake Zendesk would give it.</summary>
    private static IEnumerable<(string Id, DateTimeOffset SolvedAt, string Intent, string Group, string Json)> AbcdLines(AbcdChats abcd, IReadOnlyDictionary<int, string> gold)
    {
        var start = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        var articleIds = abcd.Guidelines.Select((g, i) => (g.Id, Article: (7_000_000 + i).ToString(CultureInfo.InvariantCulture))).ToDictionary(p => p.Id, p => p.Article);
        for (var i = 0; i < abcd.Chats.Count; i++)
        {
            var chat = abcd.Chats[i];
            var id = (AbcdChats.SolvedBase + i).ToString(CultureInfo.InvariantCulture);
            var solved = start.AddHours(i);
            var used = gold.TryGetValue(chat.ConvoId, out var doc) && articleIds.TryGetValue(doc, out var article) ? new[] { article } : [];
            var json = JsonSerializer.Serialize(new
            {
                id, subject = chat.Subject, intent = chat.Flow, group = chat.Flow, solvedAt = solved, escalated = false, usedArticles = used,
                comments = new object[]
                {
                    new { author = "customer", name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(chat.CustomerName), text = string.Join("\n", chat.CustomerTurns), at = solved.AddMinutes(-30) },
                    new { author = "agent", name = "Support Agent", text = string.Join("\n", chat.AgentTurns), at = solved },
                },
            });
            yield return (id, solved, chat.Flow, chat.Flow, json);
        }
    }

    /// <summary>The guideline each evaluation chat follows (eval_queries_50.jsonl), by conversation id.</summary>
    private static Dictionary<int, string> Gold(string shared) =>
        File.ReadLines(Path.Combine(shared, "datasets", "abcd", "eval_queries_50.jsonl")).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("convo_id").GetInt32(), e => e.GetProperty("gold_doc_id").GetString()!);

    private static string Table(ReplayReport r)
    {
        var t = new StringBuilder();
        t.AppendLine("| intent | tickets | suggestion | useful | as is | edits | not useful | withheld | ROUGE-L | token F1 | cosine | facts | new promises | hit@1 | hit@k | triage | missed handoffs |");
        t.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in r.Intents.Append(r.Overall))
        {
            t.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.Replayed} | {row.Verdict} | {GoLive.Percent(row.UsefulShare)} | {row.AsIs} | {row.NeedsEdits} | {row.NotUseful} | {row.Withheld} | {ReplayHtml.Number(row.RougeL)} | {ReplayHtml.Number(row.TokenF1)} | {ReplayHtml.Number(row.Cosine)} | {GoLive.Percent(row.FactRecall)} | {GoLive.Percent(row.NewPromiseShare)} | {GoLive.Percent(row.HitAt1)} | {GoLive.Percent(row.HitAtK)} ({row.RetrievalMeasured}) | {GoLive.Percent(row.TriageAccuracy)} ({row.TriageMeasured}) | {row.MissedHandoffs} |"));
        }
        if (r.Skipped.Count > 0)
        {
            t.AppendLine().AppendLine("Not replayed: " + string.Join("; ", r.Skipped.Select(s => $"{s.Tickets} × {s.Reason}")) + ".");
        }
        return t.ToString();
    }
}
