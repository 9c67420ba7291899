using System.Text;
using System.Text.Json;
using Copilot.Api.Analytics;
using Copilot.Api.Feedback;
using Copilot.Api.Store;
using Copilot.Api.Suggestions;
using Copilot.Api.Vocabulary;
using Copilot.Api.Webhooks;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.StoreContract;

/// <summary>
/// Three weeks of a tenant's activity written through the product's stores (suggestions, feedback, a cost learned
/// later, ticket outcomes from webhooks, retrieval events), and every analytics answer over it as one text: the
/// summary by each grouping, the weekly chart, outcomes, knowledge gaps and both CSV exports.
/// <para>
/// 30 suggestions from Monday 2026-11-16: 10 answered accepted, 10 edited, 5 rejected, 5 never answered. The first
/// was later rejected (that counts), then an older "edited" event arrived (that does not).
/// </para>
/// </summary>
internal static class AnalyticsWorkload
{
    public const string Tenant = "acme";
    public static readonly AnalyticsPeriod Period = new(new DateOnly(2026, 11, 12), new DateOnly(2026, 12, 3));

    public static async Task WriteAsync(Db db)
    {
        string[] kinds = ["draft", "summary", "articles"];
        var suggestions = Enumerable.Range(0, 30).Select(i => Contract.Suggestion(Tenant, kinds[i % 3], ticket: 100 + i % 12, agent: $"agent-{i % 3}",
            intent: i % 4 == 0 ? null : $"intent-{i % 2}", at: Contract.Monday.AddHours(i * 13), id: $"sg_{i:00}", cost: i % 3 == 0 ? 0.001m * i : null)).ToList();
        // Another tenant's rows never count.
        suggestions.Add(Contract.Suggestion("globex", "draft", at: Contract.Monday, id: "sg_globex"));
        await new SuggestionStore(db).AddAsync(suggestions, CancellationToken.None);
        await using (var c = await db.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("UPDATE suggestions SET cost_usd = 0.5 WHERE id = 'sg_03'");
        }

        await using var feedback = new FeedbackStore(db, TimeProvider.System, NullLogger<FeedbackStore>.Instance);
        for (var i = 0; i < 25; i++)
        {
            var (outcome, ratio, reason) = i switch
            {
                < 10 => ("accepted", (double?)0.0, (string?)null),
                < 20 => ("edited", 0.05 + (i - 10) * 0.07, null),
                _ => ("rejected", null, i == 24 ? "no-such-reason" : Wire.Name((RejectionReason)(i % 5))),
            };
            await feedback.AddAsync(Contract.Event(Tenant, $"ev-{i}", $"sg_{i:00}", outcome, suggestions[i].CreatedAt.AddMinutes(5), ratio, reason), CancellationToken.None);
        }
        await feedback.AddAsync(Contract.Event(Tenant, "ev-late", "sg_00", "rejected", suggestions[0].CreatedAt.AddMinutes(30), reason: "outdated-article"), CancellationToken.None);
        await feedback.AddAsync(Contract.Event(Tenant, "ev-older", "sg_00", "edited", suggestions[0].CreatedAt.AddMinutes(20), ratio: 0.3), CancellationToken.None);
        await feedback.AddAsync(Contract.Event("globex", "ev-g", "sg_globex", "accepted", Contract.Monday.AddMinutes(5)), CancellationToken.None);

        var clock = new FakeTimeProvider(Contract.Monday);
        var outcomes = new TicketOutcomeStore(db, clock);
        for (var t = 0; t < 12; t++)
        {
            var opened = TicketEvent.Iso(Contract.Monday.AddHours(t));
            var solved = TicketEvent.Iso(Contract.Monday.AddDays(1 + t % 5).AddHours(t));
            await outcomes.ApplyAsync(Tenant, $"solve-{t}", new TicketEvent($"solve-{t}", "status", TicketEventKind.Solved, 100 + t, solved, opened, null), CancellationToken.None);
            if (t % 4 == 1)
            {
                var reopened = TicketEvent.Iso(Contract.Monday.AddDays(6 + t % 5));
                await outcomes.ApplyAsync(Tenant, $"reopen-{t}", new TicketEvent($"reopen-{t}", "status", TicketEventKind.Reopened, 100 + t, reopened, null, null), CancellationToken.None);
                await outcomes.ApplyAsync(Tenant, $"resolve-{t}", new TicketEvent($"resolve-{t}", "status", TicketEventKind.Solved, 100 + t, TicketEvent.Iso(Contract.Monday.AddDays(9)), null, null), CancellationToken.None);
            }
            if (t % 3 != 2)
            {
                await outcomes.ApplyAsync(Tenant, $"csat-{t}", new TicketEvent($"csat-{t}", "rating", TicketEventKind.SatisfactionRated, 100 + t, solved, null, t % 3 == 0 ? "good" : "bad"), CancellationToken.None);
            }
        }
        var retrievals = new RetrievalLog(db, clock);
        for (var t = 0; t < 12; t++)
        {
            clock.SetUtcNow(Contract.Monday.AddHours(t * 7));
            await retrievals.RecordAsync(Tenant, 100 + t, t % 2 == 0 ? ["warranty", "battery", "swap"] : ["refund", "order"], t % 2 == 0 ? 0.4 + t * 0.01 : 5 + t, $"a{t % 3}", $"Article {t % 3}", CancellationToken.None);
        }
    }

    /// <summary>Everything analytics answers over the workload, as one text (JSON and CSV).</summary>
    public static async Task<string> ReportAsync(Db db)
    {
        var options = new AnalyticsOptions();
        var times = new TimeSavedStore(db, Contract.Monitor(options), TimeProvider.System);
        await times.ReplaceAsync(Tenant, new Dictionary<string, double> { ["draft"] = 6, ["summary"] = 1.5 }, CancellationToken.None);
        var assumptions = await times.GetAsync(Tenant, CancellationToken.None);
        var summary = new SummaryQuery(db);
        var text = new StringBuilder();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        foreach (var by in Enum.GetValues<SummaryGroupBy>())
        {
            text.AppendLine(JsonSerializer.Serialize(await summary.RunAsync(Tenant, Period, by, assumptions, CancellationToken.None), json));
        }
        text.AppendLine(JsonSerializer.Serialize(await summary.WeeklyAsync(Tenant, Period, assumptions, CancellationToken.None), json));
        text.AppendLine(JsonSerializer.Serialize(await new OutcomesQuery(db).RunAsync(Tenant, Period, CancellationToken.None), json));
        text.AppendLine(JsonSerializer.Serialize(await new KnowledgeGapsQuery(db, Contract.Monitor(options)).RunAsync(Tenant, Period, null, CancellationToken.None), json));
        foreach (var type in Enum.GetValues<ExportType>())
        {
            using var csv = new MemoryStream();
            await new CsvExport(db).WriteAsync(csv, Tenant, Period, type, includeText: true, CancellationToken.None);
            text.AppendLine(Encoding.UTF8.GetString(csv.ToArray()));
        }
        return text.ToString();
    }
}
