using Copilot.Api.Analytics;
using Copilot.Api.Assist;
using Copilot.Api.Drafts;
using Copilot.Api.Feedback;
using Copilot.Api.Vocabulary;
using Copilot.Api.Knowledge;
using Copilot.Api.Store;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Api.Webhooks;
using Copilot.Connectors.Helpdesk;
using Dapper;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Demo;

/// <summary>
/// Gives each demo tenant eight weeks of history so the team-lead dashboard has something to
/// show. It replays agents working the demo tickets through the real services (assist,
/// retrieval log, draft, feedback store, ticket-outcome store), each with a clock set to the
/// replayed moment, so every number the dashboard shows comes out of the same code paths and
/// rollups as live traffic. Which agent did what is DEMO DATA: picked by a seeded generator.
/// Runs only for the demo tenants, each only while the store holds no feedback for it.
/// </summary>
public sealed partial class DemoAnalyticsSeeder(
    IServiceProvider services, DemoHelpdesk demo, Db db, KnowledgeIndex index, IHelpdeskDirectory directory,
    TimeProvider time, IOptionsMonitor<AnalyticsOptions> analytics, ILogger<DemoAnalyticsSeeder> logger) : BackgroundService
{
    public const int Weeks = 8;
    private readonly Dictionary<string, TaskCompletionSource> _done = demo.Accounts.ToDictionary(
        a => a.TenantId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), StringComparer.Ordinal);

    /// <summary>Finishes when the tenant's seeding is done, skipped or failed (at once for a tenant that is no demo); the dashboard preview waits for it.</summary>
    public Task Completion(string tenant) => _done.TryGetValue(tenant, out var done) ? done.Task : Task.CompletedTask;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(demo.Accounts.Select(account => SeedAsync(account, stoppingToken)));

    private async Task SeedAsync(DemoAccount account, CancellationToken stoppingToken)
    {
        try
        {
            if (await ReadyTenantAsync(account, stoppingToken) is not { } tenant)
            {
                return;
            }
            if (await HasFeedbackAsync(tenant.Id, stoppingToken))
            {
                SeederLog.Skipped(logger, tenant.Id);
                return;
            }
            var counts = await ReplayAsync(tenant, account.Tickets, stoppingToken);
            SeederLog.Seeded(logger, tenant.Id, counts.Visits, counts.Feedback, counts.Outcomes);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            SeederLog.Failed(logger, e, account.TenantId);
        }
        finally
        {
            _done[account.TenantId].TrySetResult();
        }
    }

    /// <summary>The demo's tenant once its knowledge index holds the synced articles (the replay needs retrieval).</summary>
    private async Task<Tenant?> ReadyTenantAsync(DemoAccount account, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (demo.RunningAccounts.Contains(account) && account.Tenant is { } tenant)
            {
                var (sources, _) = await index.CountAsync(tenant.Id, cancellationToken);
                if (sources.GetValueOrDefault(SourceKind.Article) > 0)
                {
                    return tenant;
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
        }
        SeederLog.NoIndex(logger, account.TenantId);
        return null;
    }

    private async Task<bool> HasFeedbackAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM (SELECT 1 FROM feedback WHERE tenant = @tenant LIMIT 1) AS any_feedback", new { tenant }, cancellationToken: cancellationToken)) > 0;
    }

    private async Task<(int Visits, int Feedback, int Outcomes)> ReplayAsync(Tenant tenant, IReadOnlyList<DemoTicket> tickets, CancellationToken cancellationToken)
    {
        // The helpdesk's own agents (not its admins), as its directory reports them: the demo's agents.
        var agents = (await directory.ListAgentsAsync(tenant.Connection, cancellationToken))
            .Where(a => a.IsStaff && a.Role == "agent").Select(a => a.Id).Order().ToList();
        var clock = new ReplayClock(time.GetUtcNow());
        using var cache = new AssistCache(services.GetRequiredService<IOptions<AssistOptions>>(), clock);
        var assist = ActivatorUtilities.CreateInstance<AssistService>(services, clock, cache);
        var drafts = ActivatorUtilities.CreateInstance<DraftService>(services, clock);
        var shownItems = ActivatorUtilities.CreateInstance<AssistShown>(services, clock, new RetrievalLog(db, clock));
        var outcomes = new TicketOutcomeStore(db, clock);
        var feedback = services.GetRequiredService<FeedbackStore>();
        var plan = new DemoHistoryPlan(tickets, agents, Weeks, time.GetUtcNow(), seed: 20261123);
        var threshold = analytics.CurrentValue.GapScoreThreshold;
        int visits = 0, events = 0, solved = 0;

        foreach (var visit in plan.Visits)
        {
            clock.Set(visit.At);
            var agent = visit.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await VisitAsync(assist, tenant, visit.TicketId, cancellationToken) is not { } result)
            {
                continue;
            }
            visits++;
            var context = result.Context;
            // The assist has logged what retrieval found (the knowledge-gap input); its best hit decides how thin the knowledge is.
            var top = context.Articles.Concat(context.Macros).MaxBy(h => h.Score);
            var weakKnowledge = top is null || top.Score < Math.Max(threshold, DemoHistoryPlan.WeakMatchScore);

            clock.Set(visit.At.AddMinutes(2));
            var draft = visit.Drafts ? await drafts.DraftAsync(tenant, context, agent, agentName: null, instructions: null, cancellationToken) : null;

            // The sidebar displays the summary and whichever lists have something in them, and reports it.
            var displayed = await shownItems.RecordAsync(tenant, context, agent, [SuggestionKind.Summary, SuggestionKind.Articles, SuggestionKind.Macros], cancellationToken);
            var shown = displayed.Select(p => (Id: p.Value, Kind: Wire.Name(p.Key), Text: "")).ToList();
            if (draft is { SuggestionId: { } d, Text: { } drafted })
            {
                shown.Add((d, "draft", drafted));
            }
            var minute = 4;
            foreach (var (id, kind, text) in shown)
            {
                if (plan.Decide(visit, kind, weakKnowledge) is not { } decision)
                {
                    continue;
                }
                var final = decision.Outcome == "edited" ? DemoEdits.Apply(text, decision.EditStyle) : null;
                var edit = decision.Outcome switch
                {
                    "edited" => EditSize.Measure(text, final!),
                    "accepted" => new EditSize.Result(0, 0),
                    _ => (EditSize.Result?)null,
                };
                await feedback.AddAsync(new FeedbackEvent(
                    tenant.Id, $"demo-{id}", id, agent, decision.Outcome, final, edit?.Distance, edit?.Ratio, decision.Reason, null,
                    visit.At.AddMinutes(minute++)), cancellationToken);
                events++;
            }
        }

        foreach (var e in plan.TicketEvents)
        {
            clock.Set(e.At);
            var iso = TicketEvent.Iso(e.At);
            var ev = new TicketEvent($"demo-{e.TicketId}-{e.Sequence}", e.Type, e.Kind, e.TicketId, iso, TicketEvent.Iso(e.TicketCreatedAt), e.Satisfaction);
            await outcomes.ApplyAsync(tenant.Id, ev.Id!, ev, cancellationToken);
            solved += e.Kind == TicketEventKind.Solved ? 1 : 0;
        }
        return (visits, events, solved);
    }

    /// <summary>
    /// The visit's assist, read afresh. The replay is a bulk read: when the copilot has spent its share of the helpdesk's
    /// rate limit (Freshdesk's budget), it waits the hold out, as a knowledge sync does, rather than fail.
    /// </summary>
    private async Task<(AssistContext Context, bool Cached)?> VisitAsync(AssistService assist, Tenant tenant, long ticketId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await assist.GetAsync(tenant, ticketId, null, refresh: true, cancellationToken);
            }
            catch (HelpdeskException e) when (e.NotSent && e.RetryAfter is { } wait && attempt < 5)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    /// <summary>A clock the replay moves to each moment it plays back.</summary>
    private sealed class ReplayClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Set(DateTimeOffset now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now;
    }

    private static partial class SeederLog
    {
        [LoggerMessage(EventId = 4600, Level = LogLevel.Information, Message = "Demo analytics seeded for tenant {Tenant}: {Visits} assisted ticket visits, {Feedback} feedback events, {Outcomes} solved tickets (demo data)")]
        public static partial void Seeded(ILogger logger, string tenant, int visits, int feedback, int outcomes);

        [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Demo analytics not seeded: tenant {Tenant} already has feedback")]
        public static partial void Skipped(ILogger logger, string tenant);

        [LoggerMessage(EventId = 4602, Level = LogLevel.Warning, Message = "Demo analytics not seeded: the knowledge index of demo tenant {Tenant} stayed empty")]
        public static partial void NoIndex(ILogger logger, string tenant);

        [LoggerMessage(EventId = 4603, Level = LogLevel.Warning, Message = "Demo analytics seeding failed for tenant {Tenant}")]
        public static partial void Failed(ILogger logger, Exception exception, string tenant);
    }
}
