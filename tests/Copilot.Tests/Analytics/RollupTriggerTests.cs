using Copilot.Api.Analytics.Rollups;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Tests.Analytics;

/// <summary>The rollup triggers in the store are the ones written from the vocabulary, and every word has its column.</summary>
public sealed class RollupTriggerTests
{
    [Fact]
    public async Task TheStoresTriggersAreGeneratedFromTheVocabularyAndEveryWordHasItsColumn()
    {
        await using var host = await AnalyticsHost.StartAsync();
        await using var connection = await host.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM schema_migrations WHERE version = @v", new { v = new RollupTriggers().Version(StoreProvider.Sqlite) }));
        var triggers = (await connection.QueryAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'analytics_%' ORDER BY name")).ToList();
        Assert.Equal(3, triggers.Count);
        Assert.All(triggers, t => Assert.Contains(t, RollupTriggers.Text(StoreProvider.Sqlite), StringComparison.Ordinal));
        foreach (var table in new[] { "analytics_daily", "analytics_weekly", "analytics_latest" })
        {
            var columns = (await connection.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}')")).ToHashSet();
            Assert.All(RollupColumns.Counted, c => Assert.Contains(c, columns));
        }
    }
}
