using Copilot.Api.Analytics;
using Copilot.Api.Boundaries;
using Copilot.Api.Intents;
using Copilot.Api.Knowledge;
using Copilot.Api.Vocabulary;
using Copilot.Api.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.StoreContract;

/// <summary>
/// What a tenant's admins and helpdesk leave in the store — boundary rules, intent examples, time-saved minutes,
/// ticket outcomes from webhooks, where the knowledge sync stands and who holds its lease — read back the same on
/// both stores.
/// </summary>
public abstract class TenantStateContract(Stores stores)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task BoundaryRulesAreReplacedAsAWholeAndDeletedBackToTheDefaults()
    {
        var store = new BoundaryRuleStore(await stores.NewAsync(), new FakeTimeProvider(Contract.Monday));
        var rules = BoundaryRule.Defaults.Take(2).ToList();

        Assert.Null(await store.GetAsync("acme", Ct));
        await store.ReplaceAsync("acme", rules, Ct);
        var stored = await store.GetAsync("acme", Ct);
        await store.ReplaceAsync("acme", [], Ct);

        Assert.Equal(BoundaryRule.ToJson(rules), BoundaryRule.ToJson(stored!.Rules));
        Assert.Equal(Contract.Monday, stored.UpdatedAt);
        Assert.Empty((await store.GetAsync("acme", Ct))!.Rules);
        Assert.Null(await store.GetAsync("globex", Ct));
        Assert.True(await store.DeleteAsync("acme", Ct));
        Assert.Null(await store.GetAsync("acme", Ct));
    }

    [Fact]
    public async Task IntentExamplesAreReplacedAndTheirFingerprintChangesOnlyWithThem()
    {
        var store = new IntentExampleStore(await stores.NewAsync(), new FakeTimeProvider(Contract.Monday));
        List<TicketExample> examples = [new(7, "billing", "I was charged twice"), new(3, "shipping", "Where is my parcel"), new(12_000_000_000, "billing", "Refund please")];

        await store.ReplaceAsync("acme", examples, Ct);
        var fingerprint = await store.FingerprintAsync("acme", Ct);
        await store.ReplaceAsync("acme", examples, Ct);
        var unchanged = await store.FingerprintAsync("acme", Ct);
        await store.ReplaceAsync("acme", [examples[0] with { Intent = "refunds" }, examples[2]], Ct);

        Assert.Equal(fingerprint, unchanged);
        Assert.NotEqual(fingerprint, await store.FingerprintAsync("acme", Ct));
        Assert.Equal([(7L, "refunds"), (12_000_000_000L, "billing")], (await store.GetAsync("acme", Ct)).Select(e => (e.TicketId, e.Intent)));
        Assert.Empty(await store.GetAsync("globex", Ct));
    }

    [Fact]
    public async Task TimeSavedMinutesSetByAnAdminReplaceTheDefaultsForTheirKindsOnly()
    {
        var options = new AnalyticsOptions();
        var store = new TimeSavedStore(await stores.NewAsync(), Contract.Monitor(options), TimeProvider.System);

        await store.ReplaceAsync("acme", new Dictionary<string, double> { ["draft"] = 7.5 }, Ct);
        var assumptions = await store.GetAsync("acme", Ct);

        Assert.Equal(7.5, assumptions.MinutesPerUse[SuggestionKind.Draft]);
        Assert.Equal([SuggestionKind.Draft], assumptions.SetByAdmin);
        Assert.Equal(store.Defaults()[SuggestionKind.Summary], assumptions.MinutesPerUse[SuggestionKind.Summary]);
        Assert.Empty((await store.GetAsync("globex", Ct)).SetByAdmin);
    }

    [Fact]
    public async Task EachWebhookEventIsAppliedOnceAndALateSolveDoesNotMoveTheSolveBack()
    {
        var db = await stores.NewAsync();
        var store = new TicketOutcomeStore(db, new FakeTimeProvider(Contract.Monday));
        TicketEvent Solved(string id, int day) => new(id, "status", TicketEventKind.Solved, 5, TicketEvent.Iso(Contract.Monday.AddDays(day)), TicketEvent.Iso(Contract.Monday), null);

        Assert.True(await store.ApplyAsync("acme", "e1", Solved("e1", 2), Ct));
        Assert.False(await store.ApplyAsync("acme", "e1", Solved("e1", 2), Ct));
        Assert.True(await store.ApplyAsync("acme", "e2", Solved("e2", 1), Ct));
        Assert.True(await store.ApplyAsync("acme", "e3", new("e3", "rating", TicketEventKind.SatisfactionRated, 5, TicketEvent.Iso(Contract.Monday.AddDays(3)), null, "good"), Ct));

        var outcomes = await new OutcomesQuery(db).RunAsync("acme", new AnalyticsPeriod(new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 19)), Ct);
        Assert.Equal(1, outcomes.Unassisted.Tickets);
        Assert.Equal(48, outcomes.Unassisted.MedianResolutionHours);
        Assert.Equal(1, outcomes.Unassisted.Satisfaction);
    }

    [Fact]
    public async Task TheSyncLeaseIsHeldByOneAtATimeAndTheStateReadsBack()
    {
        var db = await stores.NewAsync();
        var clock = new FakeTimeProvider(Contract.Monday);
        var store = new SyncStateStore(db, clock);
        var interval = TimeSpan.FromMinutes(15);

        Assert.True(await store.TryLeaseIfDueAsync("acme", interval, TimeSpan.FromMinutes(5), Ct));
        Assert.False(await store.TryLeaseIfDueAsync("acme", interval, TimeSpan.FromMinutes(5), Ct));
        await store.RecordSuccessAsync("acme", new SyncResult(Full: true, Articles: 12, Macros: 3, PastReplies: 40, Indexed: 55, Removed: 1, TimeSpan.FromSeconds(2)), Contract.Monday.AddMinutes(-1), Ct);
        await store.ReleaseAsync("acme", Ct);
        Assert.False(await store.TryLeaseIfDueAsync("acme", interval, TimeSpan.FromMinutes(5), Ct)); // released, but not due yet
        clock.Advance(interval);
        Assert.True(await store.TryLeaseIfDueAsync("acme", interval, TimeSpan.FromMinutes(5), Ct));
        await store.RecordFailureAsync("acme", "helpdesk answered 503", Ct);

        var state = (await store.GetAsync("acme", Ct))!;
        Assert.Equal((12, 3, 40, 1), (state.Articles, state.Macros, state.PastReplies, state.Removed));
        Assert.Equal(Contract.Monday, state.LastFullSync);
        Assert.Equal(Contract.Monday.AddMinutes(-1), state.LastIncrementalStart);
        Assert.Equal("helpdesk answered 503", state.LastError);
        Assert.Equal(Contract.Monday.Add(interval), state.LastErrorAt);
        Assert.Null(await store.GetAsync("globex", Ct));

        // Past replies to be scrubbed by newer rules: no tenant has a full sync on record, so the next one reads everything again.
        await using (var connection = await db.OpenAsync(Ct))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, new PastRepliesScrubbedAgain().Sql(stores.Provider));
        }
        var after = (await store.GetAsync("acme", Ct))!;
        Assert.Null(after.LastFullSync);
        Assert.Equal((12, 3, 40, Contract.Monday.AddMinutes(-1)), (after.Articles, after.Macros, after.PastReplies, after.LastIncrementalStart));
    }
}

public sealed class SqliteTenantStateTests(SqliteStores stores) : TenantStateContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresTenantStateTests(PostgresStores stores) : TenantStateContract(stores), IClassFixture<PostgresStores>;
