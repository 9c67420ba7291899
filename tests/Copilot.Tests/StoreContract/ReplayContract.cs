using Copilot.Api.Replays;
using Copilot.Api.Replays.Sources;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.StoreContract;

/// <summary>
/// Replay runs and their tickets: one process at a time holds a run (until its lease goes stale), the tickets chosen
/// are kept in order, each ticket's result is written once however many processes finish it, and a resumed run finds
/// exactly the tickets without a result.
/// </summary>
public abstract class ReplayContract(Stores stores)
{
    private static readonly ReplayRequest Request = new() { Source = ReplaySources.Jsonl, Count = 3, Sample = true, Seed = 7, Label = "after the refund articles" };
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ARunIsKeptWithItsRequestAndListedNewestFirstForItsTenantOnly()
    {
        var time = FakeClock.AtNow();
        var store = new ReplayStore(await stores.NewAsync(), time);

        await store.CreateAsync("run-1", "acme", Request, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await store.CreateAsync("run-2", "acme", Request with { Label = null, Sample = false, Seed = null }, CancellationToken.None);
        await store.CreateAsync("run-3", "globex", Request, CancellationToken.None);

        var run = await store.GetAsync("run-1", CancellationToken.None);
        Assert.NotNull(run);
        Assert.Equal(("acme", ReplaySources.Jsonl, ReplayStatus.Planning), (run.Tenant, run.Source, run.Status));
        Assert.Equal(Request, run.Request);
        Assert.Equal(time.GetUtcNow().AddSeconds(-1), run.CreatedAt);
        Assert.Null(run.Planned);
        Assert.Equal(["run-2", "run-1"], (await store.ListAsync("acme", 10, CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(["run-2"], (await store.ListAsync("acme", 1, CancellationToken.None)).Select(r => r.Id));
        Assert.Null(await store.GetAsync("run-9", CancellationToken.None));
    }

    [Fact]
    public async Task OneProcessAtATimeHoldsARunUntilItsLeaseGoesStale()
    {
        var time = FakeClock.AtNow();
        var db = await stores.NewAsync();
        var a = new ReplayStore(db, time);
        var b = new ReplayStore(stores.Another(db), time);
        await a.CreateAsync("run-1", "acme", Request, CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).ClaimAsync("run-1", $"owner-{i}", Lease, CancellationToken.None)));

        Assert.Single(claims, c => c);
        var owner = $"owner-{Array.IndexOf(claims, true)}";
        Assert.Equal(ReplayStatus.Planning, await a.HeartbeatAsync("run-1", owner, CancellationToken.None));
        Assert.Null(await b.HeartbeatAsync("run-1", "someone-else", CancellationToken.None));
        Assert.True(await b.ClaimAsync("run-1", owner, Lease, CancellationToken.None)); // its own again, after a restart
        time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await b.ClaimAsync("run-1", "successor", Lease, CancellationToken.None));
        Assert.Null(await a.HeartbeatAsync("run-1", owner, CancellationToken.None));

        Assert.True(await a.RequestCancelAsync("run-1", CancellationToken.None));
        Assert.Equal(ReplayStatus.Cancelled, await b.HeartbeatAsync("run-1", "successor", CancellationToken.None));
        await b.FinishAsync("run-1", ReplayStatus.Done, null, CancellationToken.None);
        Assert.False(await a.RequestCancelAsync("run-1", CancellationToken.None));
        Assert.False(await a.ClaimAsync("run-1", "late", Lease, CancellationToken.None));
        var done = await a.GetAsync("run-1", CancellationToken.None);
        Assert.Equal(ReplayStatus.Done, done!.Status);
        Assert.Equal(time.GetUtcNow(), done.FinishedAt);
    }

    [Fact]
    public async Task EachTicketsResultIsWrittenOnceAndAResumedRunFindsExactlyTheTicketsLeft()
    {
        var db = await stores.NewAsync();
        var a = new ReplayStore(db, TimeProvider.System);
        var b = new ReplayStore(stores.Another(db), TimeProvider.System);
        await a.CreateAsync("run-1", "acme", Request, CancellationToken.None);
        Assert.True(await a.ClaimAsync("run-1", "owner", Lease, CancellationToken.None));
        var chosen = Enumerable.Range(0, 6).Select(i => new ReplayCandidate($"t-{10 - i}", DateTimeOffset.UtcNow.AddDays(-i), "billing", i % 2 == 0 ? "tier-1" : null)
        {
            Input = i == 0 ? """{"id":"t-10"}""" : null,
        }).ToList();

        await a.PlanAsync("run-1", chosen, CancellationToken.None);

        var run = await b.GetAsync("run-1", CancellationToken.None);
        Assert.Equal((ReplayStatus.Running, 6), (run!.Status, run.Planned));
        var pending = await b.PendingAsync("run-1", CancellationToken.None);
        Assert.Equal(chosen.Select(c => (c.Id, c.Group, c.Input)), pending.Select(p => (p.TicketId, p.Group, p.Input)));

        // Every ticket finished by two processes at once: each result is counted once.
        var results = chosen.Take(4).Select((c, i) => new TicketResult { TicketId = c.Id, Subject = $"Ticket {c.Id}", Surfaced = 3, HitRank = i, RougeL = 0.25 * i }).ToList();
        var written = await Task.WhenAll(results.SelectMany(r => new[] { a.CompleteAsync("run-1", r, CancellationToken.None), b.CompleteAsync("run-1", r with { Subject = "second" }, CancellationToken.None) }));

        Assert.Equal(4, written.Count(w => w));
        var stored = await a.ResultsAsync("run-1", CancellationToken.None);
        Assert.Equal(results.Select(r => r.TicketId), stored.Select(r => r.TicketId));
        Assert.All(stored, r => Assert.Equal(3, r.Surfaced));
        Assert.Equal(results.Select(r => r.RougeL), stored.Select(r => r.RougeL));
        Assert.Equal(["t-6", "t-5"], (await b.PendingAsync("run-1", CancellationToken.None)).Select(p => p.TicketId));
        var progress = await a.ProgressAsync(run, CancellationToken.None);
        Assert.Equal((4, (int?)6), (progress.Done, progress.Planned));
    }
}

public sealed class SqliteReplayStoreTests(SqliteStores stores) : ReplayContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresReplayStoreTests(PostgresStores stores) : ReplayContract(stores), IClassFixture<PostgresStores>;
