using Copilot.Api.Analytics;
using Copilot.Api.Vocabulary;

namespace Copilot.Tests.StoreContract;

/// <summary>
/// Analytics over the same activity give the same numbers on both stores: each store's answers hold the workload's
/// known totals, and the two stores' whole answers (every grouping, the weekly chart, outcomes, gaps, the CSV
/// exports) are the same text.
/// </summary>
public abstract class AnalyticsContract(Stores stores)
{
    [Fact]
    public async Task TheSummaryCountsEachSuggestionOnceWithItsLatestOutcome()
    {
        var db = await stores.NewAsync();
        await AnalyticsWorkload.WriteAsync(db);
        var options = new AnalyticsOptions();
        var assumptions = await new TimeSavedStore(db, Contract.Monitor(options), TimeProvider.System).GetAsync(AnalyticsWorkload.Tenant, CancellationToken.None);

        var total = (await new SummaryQuery(db).RunAsync(AnalyticsWorkload.Tenant, AnalyticsWorkload.Period, SummaryGroupBy.Kind, assumptions, CancellationToken.None)).Total;

        Assert.Equal(30, total.Shown);
        Assert.Equal(9, total.UsedAsIs);
        Assert.Equal(10, total.Edited);
        Assert.Equal(6, total.Rejected);
        Assert.Equal(5, total.Ignored);
        Assert.Equal(1, total.RejectedByReason[RejectionReason.Other]); // a reason outside the vocabulary
        Assert.Equal(2, total.RejectedByReason[RejectionReason.OutdatedArticle]); // one of them sg_00's change of mind
        Assert.Equal(10, total.EditSize.Values.Sum());
        // Costs of sg_00, sg_03, sg_06, … sg_27: 0.001 × (0 + 3 + … + 27), sg_03's 0.003 later learned to be 0.5.
        Assert.Equal(0.135 - 0.003 + 0.5, total.CostUsd, 6);
    }

    [Fact]
    public async Task OutcomesTellAssistedTicketsApartAndCountReopens()
    {
        var db = await stores.NewAsync();
        await AnalyticsWorkload.WriteAsync(db);

        var outcomes = await new OutcomesQuery(db).RunAsync(AnalyticsWorkload.Tenant, AnalyticsWorkload.Period, CancellationToken.None);

        // Every ticket had a suggestion used; a quarter of them were reopened (and solved again), two thirds rated.
        Assert.Equal(12, outcomes.Assisted.Tickets);
        Assert.Equal(0, outcomes.Unassisted.Tickets);
        Assert.Equal(3, outcomes.Assisted.Reopened!.Count);
        Assert.Equal(8, outcomes.Assisted.Rated);
    }
}

public sealed class SqliteAnalyticsTests(SqliteStores stores) : AnalyticsContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresAnalyticsTests(PostgresStores stores) : AnalyticsContract(stores), IClassFixture<PostgresStores>;

/// <summary>The two stores' whole analytics answers over the same activity, compared as text.</summary>
public sealed class AnalyticsAgreementTests(SqliteStores sqlite, PostgresStores postgres) : IClassFixture<SqliteStores>, IClassFixture<PostgresStores>
{
    [Fact]
    public async Task BothStoresAnswerEveryAnalyticsQueryAlike()
    {
        var a = await sqlite.NewAsync();
        var b = await postgres.NewAsync();
        await AnalyticsWorkload.WriteAsync(a);
        await AnalyticsWorkload.WriteAsync(b);

        var fromSqlite = await AnalyticsWorkload.ReportAsync(a);
        var fromPostgres = await AnalyticsWorkload.ReportAsync(b);

        Assert.Contains("\"shown\": 30", fromSqlite);
        Assert.Equal(fromSqlite, fromPostgres);
    }
}
