extern alias api;

using System.Globalization;
using System.Text;
using System.Text.Json;
using api::Copilot.Api.Actions;
using api::Copilot.Api.Assist;
using api::Copilot.Api.Knowledge;
using api::Copilot.Api.Procedures.Matching;
using api::Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Abcd;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Evaluation;

/// <summary>
/// Procedure matching on ABCD: one procedure per subflow built from its guideline (<see cref="AbcdProcedures"/>), saved
/// through the admin API of the real host, then each of the 50 chats (its customer turns as an open ticket on the fake
/// Zendesk) opened in the sidebar: is the procedure built from the chat's own guideline the one shown? Asked twice: as the
/// assist route answers with no intent known (the thread against every procedure), and with the chat's flow given as its
/// intent (as triage or a ticket form gives it; the subflows of that flow compete). Then the other side of the floor: each
/// chat with its own procedure retired, no intent known — anything shown is a wrong procedure. And what the actions route
/// proposes from the shown procedure's first step.
/// </summary>
public static class ProceduresSection
{
    public static async Task<string> RunAsync(string shared)
    {
        var folder = Path.Combine(shared, "datasets", "abcd");
        var chats = AbcdChats.Load(folder);
        var procedures = AbcdProcedures.Load(folder);
        var byId = procedures.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var gold = File.ReadLines(Path.Combine(folder, "eval_queries_50.jsonl")).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("convo_id").GetInt32(), e => (
                Doc: e.GetProperty("gold_doc_id").GetString()!,
                FirstAction: e.GetProperty("gold_actions").EnumerateArray().Select(a => a.GetString()!).FirstOrDefault()));

        var data = chats.ToZendesk();
        data.Tickets.RemoveAll(t => t.Status == "solved");
        await using var host = await EvalHost.StartAsync(data);
        foreach (var p in procedures)
        {
            await host.AdminPutAsync($"procedures/{p.Id}", new { intent = p.Intent, title = p.Title, steps = p.Markdown });
        }
        var tenant = host.Services.GetRequiredService<TenantRegistry>().Find(EvalHost.TenantId)!;
        var matcher = host.Services.GetRequiredService<ProcedureMatcher>();
        var helpdesk = host.Services.GetRequiredService<IHelpdeskClientFactory>().Create(tenant.Connection);

        var unknown = new Tally();
        var given = new Tally();
        var removed = new Tally();
        var misses = new List<string>();
        for (var i = 0; i < chats.Chats.Count; i++)
        {
            var chat = chats.Chats[i];
            if (!gold.TryGetValue(chat.ConvoId, out var g))
            {
                continue;
            }
            var own = byId[AbcdProcedures.Slug(g.Doc)];
            var assist = await host.AssistAsync(AbcdChats.OpenTicketId(i));
            var shown = assist.GetProperty("procedures").EnumerateArray().Select(p => (Id: p.GetProperty("id").GetString()!, First: p.GetProperty("steps")[0].GetString()!)).FirstOrDefault();
            var actions = await host.ActionsAsync(AbcdChats.OpenTicketId(i));
            var fromFirstStep = shown.Id is not null && actions.GetProperty("actions").EnumerateArray()
                .Any(a => Text(a, "procedureId") == shown.Id && Text(a, "step") == shown.First);
            unknown.Add(own, shown.Id is null ? null : byId[shown.Id], g.FirstAction, fromFirstStep);
            if (shown.Id != own.Id)
            {
                misses.Add($"chat {chat.ConvoId} ({own.Id}): {shown.Id ?? "nothing shown"}");
            }

            var thread = (await helpdesk.GetThreadAsync(AbcdChats.OpenTicketId(i), CancellationToken.None))!;
            var query = ThreadQuery.Build(thread, includeInternalNotes: false);
            var match = await matcher.MatchAsync(tenant, own.Intent, query, "en", CancellationToken.None);
            // What the actions route reads from a step (it proposes an action only for a step that names one).
            given.Add(own, match is null ? null : byId[match.Procedure.Id], g.FirstAction, match is not null && StepActions.Read(match.Procedure.StepList[0]) is not null);

            await host.AdminDeleteAsync($"procedures/{own.Id}");
            var without = await matcher.MatchAsync(tenant, RetrievedIntent.Other, query, "en", CancellationToken.None);
            removed.Add(own, without is null ? null : byId[without.Procedure.Id], g.FirstAction, false);
            await host.AdminPutAsync($"procedures/{own.Id}", new { intent = own.Intent, title = own.Title, steps = own.Markdown });
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"ABCD: {procedures.Count} procedures (one per subflow, built from `guidelines.json`), saved through the admin API; {unknown.Chats} chats opened as tickets (all their customer turns), offline provider with the built-in embedding model. Generated {DateTime.UtcNow:yyyy-MM-dd}.");
        report.AppendLine();
        report.AppendLine("| intent of the ticket | chats | own procedure shown (hit@1) | nothing shown | another shown | first step shown = the guideline's first step | first step shown names the chat's first action | an action proposed from the first step shown |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        report.AppendLine(unknown.Row("unknown: the thread against all 55 procedures (the sidebar's assist route)"));
        report.AppendLine(given.Row("the chat's flow, given (its subflows compete)"));
        report.AppendLine(removed.Row("unknown, the chat's own procedure retired (the 54 others): anything shown is wrong", ownIncluded: false));
        report.AppendLine();
        report.AppendLine("First step = the step shown first in the sidebar. The chat's first action is its first labelled action (`gold_actions`), "
            + "compared with the action the shown first step is in the guideline. Last column: the actions route (`GET /api/tickets/{id}/actions`) "
            + "proposes an action read from that step (first row; second row: whether the step names one the route would read).");
        if (misses.Count > 0)
        {
            report.AppendLine().AppendLine("Missed with no intent: " + string.Join("; ", misses) + ".");
        }
        return report.ToString();
    }

    /// <summary>A string property of a JSON object; null when the wire omits it (null values are not written).</summary>
    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private sealed class Tally
    {
        public int Chats, Hits, None, FirstStep, FirstAction, Proposed;

        public void Add(AbcdProcedure own, AbcdProcedure? shown, string? chatFirstAction, bool proposedFromFirstStep)
        {
            Proposed += proposedFromFirstStep ? 1 : 0;
            Chats++;
            Hits += shown?.Id == own.Id ? 1 : 0;
            None += shown is null ? 1 : 0;
            FirstStep += shown is not null && shown.Steps[0] == own.Steps[0] ? 1 : 0;
            FirstAction += shown is not null && chatFirstAction is not null && AbcdProcedures.ActionLabel(shown.Actions[0]) == chatFirstAction ? 1 : 0;
        }

        public string Row(string name, bool ownIncluded = true) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Chats} | {(ownIncluded ? $"**{Share(Hits)}** ({Hits})" : "—")} | {None} | {Chats - Hits - None} | {Share(FirstStep)} | {Share(FirstAction)} | {Share(Proposed)} |");

        private string Share(int n) => Chats == 0 ? "—" : ((double)n / Chats).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
