using Copilot.Api.Boundaries;
using Copilot.Api.Store;
using Copilot.Tests.Offline;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.Boundaries;

public sealed class BoundaryRuleServiceTests : IAsyncLifetime
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"copilot-rules-{Guid.NewGuid():N}.db");
    private Db _db = null!;
    private BoundaryRuleService _service = null!;

    public async Task InitializeAsync()
    {
        _db = new Db(_dbPath);
        await new Migrator(_db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        _service = new BoundaryRuleService(new BoundaryRuleStore(_db, TimeProvider.System), TimeProvider.System, NullLogger<BoundaryRuleService>.Instance);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_dbPath + suffix);
        }
        return Task.CompletedTask;
    }

    private static readonly Copilot.Connectors.Helpdesk.HelpdeskThread LawyerThread =
        new Threads("Damage").FromCustomer("My lawyer will contact you about the burnt socket.").Build();

    [Fact]
    public async Task TenantsAreKeptApart()
    {
        await _service.ReplaceAsync("quiet", [], CancellationToken.None);

        Assert.Empty(await _service.EvaluateAsync("quiet", LawyerThread, CancellationToken.None));
        Assert.Equal("legal-threat", Assert.Single(await _service.EvaluateAsync("other", LawyerThread, CancellationToken.None)).RuleId);
    }

    [Fact]
    public async Task DisabledRulesDoNotFire()
    {
        var rules = BoundaryRule.Defaults.Select(r => r.Id == "legal-threat"
            ? new BoundaryRule { Id = r.Id, Name = r.Name, Action = r.Action, Kind = r.Kind, Enabled = false, Phrases = r.Phrases, Patterns = r.Patterns }
            : r).ToList();

        await _service.ReplaceAsync("acme", rules, CancellationToken.None);

        Assert.Empty(await _service.EvaluateAsync("acme", LawyerThread, CancellationToken.None));
        Assert.False((await _service.GetAsync("acme", CancellationToken.None)).Rules.Single(r => r.Id == "legal-threat").Enabled);
    }

    [Fact]
    public async Task ARuleWhoseQuantifiersNestRunsOverAnyTextWithoutTimingOut()
    {
        // "(x+x+)+y" passes the validator's probes, but a backtracking engine tries every split of a run of x's.
        var logs = new Copilot.Tests.ModelFeatures.CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var service = new BoundaryRuleService(new BoundaryRuleStore(_db, TimeProvider.System), TimeProvider.System,
            loggers.CreateLogger<BoundaryRuleService>());
        BoundaryRule Nested(string id) => new()
        {
            Id = id, Name = "Nested", Action = "caution", Kind = "phrases", Patterns = new() { ["en"] = ["(x+x+)+y"] },
        };
        Assert.Empty(BoundaryRuleValidator.Validate([Nested("nested")]));
        await service.ReplaceAsync("acme", [.. Enumerable.Range(0, 5).Select(i => Nested($"nested-{i}"))], CancellationToken.None);

        var hostile = await service.EvaluateAsync("acme", new Threads("Hi").FromCustomer("Order " + new string('x', 60) + " please").Build(), CancellationToken.None);
        var matching = await service.EvaluateAsync("acme", new Threads("Hi").FromCustomer("Order " + new string('x', 60) + "y please").Build(), CancellationToken.None);

        Assert.Empty(hostile);
        Assert.Equal(5, matching.Count);
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStoredPatternThatNeedsBacktrackingStillRuns()
    {
        // Saved before lookarounds were refused: it keeps the backtracking engine and its timeout.
        await using (var connection = await _db.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO boundary_rules (tenant, rules, updated_at) VALUES ('older', @rules, '2026-11-23T10:00:00.0000000+00:00')",
                new { rules = """[{"id":"chargeback","name":"Chargeback","action":"handoff","kind":"phrases","patterns":{"en":["(?<!no )chargeback"]}}]""" });
        }

        var fired = await _service.EvaluateAsync("older", new Threads("Card").FromCustomer("I will file a chargeback today.").Build(), CancellationToken.None);
        var quiet = await _service.EvaluateAsync("older", new Threads("Card").FromCustomer("There is no chargeback, just a question.").Build(), CancellationToken.None);

        Assert.Equal("chargeback", Assert.Single(fired).RuleId);
        Assert.Empty(quiet);
    }

    [Fact]
    public async Task StoredRulesThatCannotBeCompiledFallBackToTheDefaults()
    {
        await using (var connection = await _db.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO boundary_rules (tenant, rules, updated_at) VALUES ('broken', @rules, '2026-11-23T10:00:00.0000000+00:00')",
                new { rules = """[{"id":"x","name":"X","action":"handoff","kind":"phrases","patterns":{"en":["(unclosed"]}}]""" });
        }

        var warnings = await _service.EvaluateAsync("broken", LawyerThread, CancellationToken.None);

        Assert.Equal("legal-threat", Assert.Single(warnings).RuleId);
    }
}
