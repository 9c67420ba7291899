using System.Text;
using System.Text.Json;
using Copilot.Api.Drafts.Offline;
using Copilot.Api.Languages;
using Copilot.Fakes.Abcd;
using Copilot.Fakes.Zendesk;

namespace Copilot.Evaluation;

/// <summary>
/// Offline drafts read by <see cref="Sendability"/>: the first 30 tickets of the demo account (Lumora Home) that get a
/// draft (tickets a handoff rule keeps with a person get none and are listed as withheld) and the first 20 ABCD chats,
/// each drafted by the real host. Beside it, in the same run, the naive draft: a greeting, the best-scored retrieved
/// passage pasted as it is, and a closing.
/// </summary>
public static class SendabilitySection
{
    private const int DemoDrafts = 30;
    private const int AbcdDrafts = 20;

    public static async Task<string> RunAsync(string shared)
    {
        var detector = new LanguageDetector();
        var demo = FakeZendeskData.LoadDemo();
        var demoTickets = demo.Tickets.OrderBy(t => t.Id).Select(t => (t.Id, t.Subject)).ToList();
        var abcd = AbcdChats.Load(Path.Combine(shared, "datasets", "abcd"));
        // ABCD drafts are labelled by chat id and subflow, not by the customer's words.
        var abcdTickets = Enumerable.Range(0, AbcdDrafts).Select(i => (AbcdChats.OpenTicketId(i), $"ABCD chat {abcd.Chats[i].ConvoId}, {abcd.Chats[i].Flow}/{abcd.Chats[i].Subflow}")).ToList();

        var runs = new List<(string Name, List<Row> Rows)>();
        await using (var host = await EvalHost.StartAsync(demo))
        {
            // After the sync has read the solved tickets' replies as past replies.
            WhenRepliesAreDue(demo);
            runs.Add(("Demo account (Lumora Home)", await DraftAllAsync(host, demoTickets, DemoDrafts, detector)));
        }
        await using (var host = await EvalHost.StartAsync(abcd.ToZendesk()))
        {
            runs.Add(("ABCD chats", await DraftAllAsync(host, abcdTickets, AbcdDrafts, detector)));
        }

        var report = new StringBuilder();
        report.AppendLine($"Generated {DateTime.UtcNow:yyyy-MM-dd}. A draft is sendable when the checker finds no problem.");
        report.AppendLine();
        report.AppendLine("| set | drafts | **sendable (ours)** | sendable (naive: best passage pasted) | holding | acknowledgement | follow-up | thanks for a suggestion | other language | withheld by a handoff rule |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, rows) in runs)
        {
            var drafted = rows.Where(r => r.Verdict is not null).ToList();
            report.AppendLine($"| {name} | {drafted.Count} | **{drafted.Count(r => r.Verdict!.Sendable)}** | {drafted.Count(r => r.Naive?.Sendable == true)} | "
                + $"{drafted.Count(r => r.Kind == "holding")} | {drafted.Count(r => r.Kind == "acknowledgement")} | {drafted.Count(r => r.Kind == "follow-up")} | {drafted.Count(r => r.Kind == "feedback")} | {drafted.Count(r => r.Kind == "other-language")} | {rows.Count - drafted.Count} |");
        }
        var problems = runs.SelectMany(r => r.Rows).Where(r => r.Verdict is not null).SelectMany(r => r.Verdict!.Problems.Select(p => p.Split(':')[0]))
            .GroupBy(p => p).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ({g.Count()})").ToList();
        var naive = runs.SelectMany(r => r.Rows).Where(r => r.Naive is not null).SelectMany(r => r.Naive!.Problems.Select(p => p.Split(':')[0]))
            .GroupBy(p => p).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ({g.Count()})").ToList();
        report.AppendLine();
        report.AppendLine($"Problems found in our drafts: {(problems.Count == 0 ? "none" : string.Join(", ", problems))}. In the naive drafts: {(naive.Count == 0 ? "none" : string.Join(", ", naive))}.");
        foreach (var (name, rows) in runs)
        {
            report.AppendLine();
            report.AppendLine($"#### {name}");
            report.AppendLine();
            foreach (var row in rows)
            {
                var verdict = row.Verdict is null ? "withheld (no draft)" : row.Verdict.Sendable ? "sendable" : "NOT sendable: " + string.Join("; ", row.Verdict.Problems);
                report.AppendLine($"<details><summary>Ticket {row.Ticket} ({Escape(row.Subject)}): <b>{Escape(verdict)}</b> — {row.Kind}</summary>");
                report.AppendLine();
                report.AppendLine("```text");
                report.AppendLine(row.Text.Replace("```", "'''", StringComparison.Ordinal));
                report.AppendLine("```");
                report.AppendLine("</details>");
                report.AppendLine();
            }
        }
        return report.ToString();
    }

    /// <summary>
    /// The demo account as an agent meets it when a reply is due: each ticket up to its latest public customer message
    /// (what we wrote after it left out), so its draft answers the customer rather than following up on our own answer.
    /// The fake serves the tickets from this data, so the change shows in every later read.
    /// </summary>
    private static void WhenRepliesAreDue(FakeZendeskData demo)
    {
        var customers = demo.Users.Where(u => u.Role == "end-user").Select(u => u.Id).ToHashSet();
        foreach (var ticket in demo.Tickets)
        {
            var last = ticket.Comments.FindLastIndex(c => c.Public && customers.Contains(c.AuthorId));
            if (last >= 0)
            {
                ticket.Comments.RemoveRange(last + 1, ticket.Comments.Count - last - 1);
            }
        }
    }

    private sealed record Row(long Ticket, string Subject, string Kind, string Text, SendabilityVerdict? Verdict, SendabilityVerdict? Naive);

    /// <summary>Drafts the tickets in order until <paramref name="want"/> drafts are written (tickets a handoff rule withholds are listed, not counted).</summary>
    private static async Task<List<Row>> DraftAllAsync(EvalHost host, List<(long Id, string Subject)> tickets, int want, LanguageDetector detector)
    {
        var rows = new List<Row>();
        foreach (var (id, subject) in tickets)
        {
            if (rows.Count(r => r.Verdict is not null) >= want)
            {
                break;
            }
            var draft = await host.DraftAsync(id, "Sam Rivera");
            var language = draft.GetProperty("language").GetString()!;
            if (draft.GetProperty("status").GetString() != "drafted")
            {
                rows.Add(new Row(id, subject, "withheld", draft.GetProperty("reason").GetString() ?? "", null, null));
                continue;
            }
            var text = draft.GetProperty("text").GetString()!;
            rows.Add(new Row(id, subject, draft.GetProperty("draftKind").GetString()!, text,
                Sendability.Check(text, language, detector), await NaiveAsync(host, id, language, detector)));
        }
        return rows;
    }

    /// <summary>The baseline: the best-scored macro, article or past reply the assist retrieved, between a greeting and a closing.</summary>
    private static async Task<SendabilityVerdict?> NaiveAsync(EvalHost host, long ticket, string language, LanguageDetector detector)
    {
        var assist = await host.AssistAsync(ticket);
        var best = new[] { "macros", "articles", "similarTickets" }.SelectMany(k => assist.GetProperty(k).EnumerateArray())
            .OrderByDescending(s => s.GetProperty("score").GetDouble()).FirstOrDefault();
        var passage = best.ValueKind == JsonValueKind.Object ? best.GetProperty("passage").GetString()! : "";
        return passage.Length == 0 ? null : Sendability.Check($"Hello,\n\n{passage.Trim()}\n\nBest regards,\nSam Rivera", language, detector);
    }

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
