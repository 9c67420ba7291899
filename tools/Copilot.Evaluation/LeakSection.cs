using System.Globalization;
using System.Text;
using System.Text.Json;
using Copilot.Api.Knowledge;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Abcd;

namespace Copilot.Evaluation;

/// <summary>
/// Cross-customer leakage on ABCD: the 50 chats served as solved tickets by the fake Zendesk, indexed as past replies
/// by the product's sync, then a draft for each chat from the real host. Counted against each chat's details
/// (<see cref="AbcdLeaks"/>), beside the same past replies as they were indexed before scrubbing.
/// </summary>
public static class LeakSection
{
    public static async Task<string> RunAsync(string shared)
    {
        var chats = AbcdChats.Load(Path.Combine(shared, "datasets", "abcd"));
        var leaks = new AbcdLeaks(chats);
        var n = chats.Chats.Count;

        // The index: each chat's past reply as the sync writes it, and as it was written before (the replies joined, unchanged).
        int rawOwn = 0, scrubbedOwn = 0;
        var raw = new string[n];
        for (var i = 0; i < n; i++)
        {
            var chat = chats.Chats[i];
            var ticket = new SolvedTicket(AbcdChats.SolvedBase + i, chat.Subject, string.Join("\n", chat.CustomerTurns), chat.AgentTurns.ToList(),
                DateTimeOffset.UnixEpoch, [CultureInfo.InvariantCulture.TextInfo.ToTitleCase(chat.CustomerName), "Support Agent"]);
            raw[i] = ticket.Subject + "\n" + string.Join("\n\n", ticket.AgentReplies);
            var document = KnowledgeSync.ToDocument(ticket);
            rawOwn += leaks.FindOwn(raw[i], i).Count > 0 ? 1 : 0;
            scrubbedOwn += leaks.FindOwn(document.Title + "\n" + document.Text, i).Count > 0 ? 1 : 0;
        }

        await using var host = await EvalHost.StartAsync(chats.ToZendesk());
        int draftLeaks = 0, caseLeaks = 0, rawCaseLeaks = 0, withCases = 0, cases = 0;
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var draft = await host.DraftAsync(AbcdChats.OpenTicketId(i), "Sam Rivera");
            var kind = draft.TryGetProperty("draftKind", out var k) ? k.GetString()! : draft.GetProperty("status").GetString()!;
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            var text = draft.TryGetProperty("text", out var t) ? t.GetString()! : "";
            var found = leaks.Find(text, i);
            draftLeaks += found.Count > 0 ? 1 : 0;
            examples.AddRange(found.Take(3).Select(f => $"chat {chats.Chats[i].ConvoId}: draft holds \"{f}\""));
            var shown = draft.TryGetProperty("colleagueCases", out var c) ? c.EnumerateArray().ToList() : [];
            withCases += shown.Count > 0 ? 1 : 0;
            cases += shown.Count;
            caseLeaks += leaks.Find(string.Join("\n", shown.Select(x => x.GetProperty("title").GetString() + "\n" + x.GetProperty("excerpt").GetString())), i).Count > 0 ? 1 : 0;
            var before = shown.Select(x => long.Parse(x.GetProperty("sourceId").GetString()!, CultureInfo.InvariantCulture) - AbcdChats.SolvedBase)
                .Where(j => j >= 0 && j < n).Select(j => raw[j]);
            rawCaseLeaks += leaks.Find(string.Join("\n", before), i).Count > 0 ? 1 : 0;
        }

        var report = new StringBuilder();
        report.AppendLine($"ABCD: {n} chats indexed as past replies ({host.Sync.GetProperty("pastReplies").GetInt32()} by the sync) beside {chats.Guidelines.Count} guideline articles; one offline draft per chat. Generated {DateTime.UtcNow:yyyy-MM-dd}.");
        report.AppendLine();
        report.AppendLine("| measure | before scrubbing (past replies as indexed until now) | ours |");
        report.AppendLine("|---|---|---|");
        report.AppendLine($"| past replies in the index holding their own customer's details | {rawOwn}/{n} | {scrubbedOwn}/{n} |");
        report.AppendLine($"| chats whose colleagues' cases (past replies shown beside the draft) hold another chat's details | {rawCaseLeaks}/{n} | {caseLeaks}/{n} |");
        report.AppendLine($"| **drafts holding another chat's names, usernames, passwords, amounts or order ids** | — | **{draftLeaks}/{n}** |");
        report.AppendLine();
        report.AppendLine($"Drafts by kind: {string.Join(", ", kinds.Select(x => $"{x.Key} {x.Value}"))}. Drafts with colleagues' cases: {withCases}/{n} ({cases} cases shown).");
        foreach (var e in examples.Take(10))
        {
            report.AppendLine($"- {e}");
        }
        return report.ToString();
    }
}
