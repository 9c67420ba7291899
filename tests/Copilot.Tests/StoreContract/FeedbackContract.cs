using Copilot.Api.Feedback;
using Copilot.Api.Store;
using Copilot.Api.Suggestions;
using Copilot.Tests.Analytics;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.StoreContract;

/// <summary>
/// The feedback ingest: each event stored exactly once however often it is sent, never against another tenant's
/// suggestion, and counted by the rollups as a scan of the raw rows counts it.
/// </summary>
public abstract class FeedbackContract(Stores stores)
{
    private static FeedbackStore Ingest(Db db) => new(db, TimeProvider.System, NullLogger<FeedbackStore>.Instance);

    [Fact]
    public async Task AnEventIsStoredOnceAndARepeatAnswersWithTheFirst()
    {
        var db = await stores.NewAsync();
        var draft = Contract.Suggestion("acme", "draft");
        await new SuggestionStore(db).AddAsync([draft], CancellationToken.None);
        await using var feedback = Ingest(db);

        var first = await feedback.AddAsync(Contract.Event("acme", "ev-1", draft.Id, "edited", Contract.Monday.AddMinutes(3), ratio: 0.2), CancellationToken.None);
        var repeat = await feedback.AddAsync(Contract.Event("acme", "ev-1", draft.Id, "rejected", Contract.Monday.AddMinutes(4), reason: "policy"), CancellationToken.None);

        Assert.False(first.Duplicate);
        Assert.True(repeat.Duplicate);
        Assert.Equal("edited", repeat.Stored!.Outcome);
        Assert.Equal(0.2, repeat.Stored.EditRatio);
        Assert.Equal(20, repeat.Stored.EditDistance);
        Assert.Equal(Contract.Monday.AddMinutes(3), repeat.Stored.CreatedAt);
        Assert.Equal(1, await CountAsync(db, "SELECT count(*) FROM feedback"));
    }

    [Fact]
    public async Task AnEventForAnotherTenantsOrAnUnknownSuggestionIsNotStored()
    {
        var db = await stores.NewAsync();
        var theirs = Contract.Suggestion("globex", "draft");
        await new SuggestionStore(db).AddAsync([theirs], CancellationToken.None);
        await using var feedback = Ingest(db);

        var crossTenant = await feedback.AddAsync(Contract.Event("acme", "ev-1", theirs.Id, "accepted", Contract.Monday), CancellationToken.None);
        var unknown = await feedback.AddAsync(Contract.Event("acme", "ev-2", "sg_missing", "accepted", Contract.Monday), CancellationToken.None);

        Assert.Null(crossTenant.Stored);
        Assert.Null(unknown.Stored);
        Assert.Equal(0, await CountAsync(db, "SELECT count(*) FROM feedback"));
    }

    [Fact]
    public async Task ConcurrentEventsAreEachStoredOnceAndTheRollupsCountThem()
    {
        var db = await stores.NewAsync();
        var kinds = new[] { "draft", "summary", "articles", "macros" };
        var suggestions = Enumerable.Range(0, 40).Select(i => Contract.Suggestion("acme", kinds[i % 4], ticket: i, agent: $"agent-{i % 3}", at: Contract.Monday.AddHours(i))).ToList();
        await new SuggestionStore(db).AddAsync(suggestions, CancellationToken.None);
        await using var feedback = Ingest(db);
        string[] outcomes = ["accepted", "edited", "rejected"];
        // 120 events (3 per suggestion, a later one changing the agent's mind), each sent twice, all at once.
        var events = Enumerable.Range(0, 120).Select(i => Contract.Event("acme", $"ev-{i}", suggestions[i % 40].Id, outcomes[(i / 40 + i) % 3],
            Contract.Monday.AddHours(i % 40).AddMinutes(1 + i / 40), ratio: (i % 7) / 7.0, reason: i % 2 == 0 ? "wrong-facts" : "no-such-reason")).ToList();

        var results = await Task.WhenAll(events.Concat(events).Select(e => feedback.AddAsync(e, CancellationToken.None)));

        Assert.Equal(120, results.Count(r => r is { Stored: not null, Duplicate: false }));
        Assert.Equal(120, results.Count(r => r.Duplicate));
        Assert.Equal(120, await CountAsync(db, "SELECT count(*) FROM feedback"));
        await using var c = await db.OpenAsync(CancellationToken.None);
        var expected = await RollupScan.FromRawRowsAsync(c);
        Assert.Equal(expected, await RollupScan.FromRollupsAsync(c, "analytics_daily"));
        Assert.Equal(expected, await RollupScan.FromRollupsAsync(c, "analytics_weekly"));
    }

    [Fact]
    public async Task InOneStatementTheLatestEventOfEachSuggestionCountsAndAnOlderOneLaterChangesNothing()
    {
        var db = await stores.NewAsync();
        var (a, b) = (Contract.Suggestion("acme", "draft", ticket: 1), Contract.Suggestion("acme", "draft", ticket: 2));
        await new SuggestionStore(db).AddAsync([a, b], CancellationToken.None);
        var t = Contract.Monday.AddMinutes(10);
        // One INSERT of several rows is one batch for a statement trigger: out of order for a, a tie for b (the row inserted last wins).
        await InsertAsync(db,
            ("e1", a.Id, "accepted", null, t.AddMinutes(2)), ("e2", a.Id, "rejected", "policy", t.AddMinutes(1)),
            ("e3", b.Id, "rejected", "wrong-tone", t.AddMinutes(1)), ("e4", b.Id, "edited", null, t.AddMinutes(1)));
        Assert.Equal((1L, 1L, 0L), await OutcomesAsync(db));

        // Older than what counts for a: nothing changes; newer for b: it replaces the edit.
        await InsertAsync(db, ("e5", a.Id, "edited", null, t), ("e6", b.Id, "rejected", "policy", t.AddMinutes(5)));

        Assert.Equal((1L, 0L, 1L), await OutcomesAsync(db));
        await using var c = await db.OpenAsync(CancellationToken.None);
        var expected = await RollupScan.FromRawRowsAsync(c);
        Assert.Equal(expected, await RollupScan.FromRollupsAsync(c, "analytics_daily"));
        Assert.Equal(expected, await RollupScan.FromRollupsAsync(c, "analytics_weekly"));
    }

    private static async Task InsertAsync(Db db, params (string EventId, string SuggestionId, string Outcome, string? Reason, DateTimeOffset At)[] rows)
    {
        await using var c = await db.OpenAsync(CancellationToken.None);
        var values = string.Join(", ", rows.Select((_, i) => $"('acme', @e{i}, @s{i}, 'agent-1', @o{i}, @r{i}, @ratio{i}, @at{i})"));
        var parameters = new DynamicParameters();
        for (var i = 0; i < rows.Length; i++)
        {
            parameters.Add($"e{i}", rows[i].EventId);
            parameters.Add($"s{i}", rows[i].SuggestionId);
            parameters.Add($"o{i}", rows[i].Outcome);
            parameters.Add($"r{i}", rows[i].Reason);
            parameters.Add($"ratio{i}", rows[i].Outcome == "edited" ? 0.3 : (double?)null);
            parameters.Add($"at{i}", rows[i].At.UtcDateTime.ToString("O"));
        }
        await c.ExecuteAsync($"INSERT INTO feedback (tenant, event_id, suggestion_id, agent_id, outcome, reason, edit_ratio, created_at) VALUES {values}", parameters);
    }

    private static async Task<(long Accepted, long Edited, long Rejected)> OutcomesAsync(Db db)
    {
        await using var c = await db.OpenAsync(CancellationToken.None);
        var daily = await c.QuerySingleAsync<(long, long, long)>(
            "SELECT coalesce(sum(accepted), 0), coalesce(sum(edited), 0), coalesce(sum(rejected), 0) FROM analytics_daily");
        var weekly = await c.QuerySingleAsync<(long, long, long)>(
            "SELECT coalesce(sum(accepted), 0), coalesce(sum(edited), 0), coalesce(sum(rejected), 0) FROM analytics_weekly");
        Assert.Equal(daily, weekly);
        return daily;
    }

    internal static async Task<long> CountAsync(Db db, string sql)
    {
        await using var c = await db.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>(sql);
    }
}

public sealed class SqliteFeedbackStoreTests(SqliteStores stores) : FeedbackContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresFeedbackStoreTests(PostgresStores stores) : FeedbackContract(stores), IClassFixture<PostgresStores>
{
    [Fact]
    public async Task TwoInstancesIngestingTheSameEventsStoreEachOnceAndCountItOnce()
    {
        var db = await stores.NewAsync();
        await using var other = Db.Postgres(stores.LastConnectionString);
        var suggestions = Enumerable.Range(0, 20).Select(i => Contract.Suggestion("acme", "draft", ticket: i)).ToList();
        await new SuggestionStore(db).AddAsync(suggestions, CancellationToken.None);
        await using var a = new FeedbackStore(db, TimeProvider.System, NullLogger<FeedbackStore>.Instance);
        await using var b = new FeedbackStore(other, TimeProvider.System, NullLogger<FeedbackStore>.Instance);
        // Each suggestion gets two events (the later one counts), each sent to both instances at once.
        var events = Enumerable.Range(0, 40).Select(i => Contract.Event("acme", $"ev-{i}", suggestions[i % 20].Id, i < 20 ? "rejected" : "accepted",
            Contract.Monday.AddMinutes(i), reason: "policy")).ToList();

        var results = await Task.WhenAll(events.SelectMany(e => new[] { a.AddAsync(e, CancellationToken.None), b.AddAsync(e, CancellationToken.None) }));

        Assert.Equal(40, results.Count(r => !r.Duplicate));
        Assert.Equal(40, await CountAsync(db, "SELECT count(*) FROM feedback"));
        Assert.Equal(20, await CountAsync(db, "SELECT sum(accepted) FROM analytics_daily"));
        Assert.Equal(0, await CountAsync(db, "SELECT sum(rejected) FROM analytics_daily"));
        Assert.Equal(20, await CountAsync(db, "SELECT sum(shown) FROM analytics_weekly"));
    }
}
