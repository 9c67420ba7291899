using Copilot.Api.Auth;
using Copilot.Api.Store;
using Copilot.Api.Tenants;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.Tenants;

public sealed class ReplayGuardTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("copilot-replay-").FullName;
    private Db _db = null!;

    public async Task InitializeAsync()
    {
        _db = new Db(Path.Combine(_directory, "copilot.db"));
        await new Migrator(_db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EachTokenIdIsAcceptedOnceEvenWhenRequestsRace()
    {
        await using var guard = new ReplayGuard(_db, TimeProvider.System, NullLogger<ReplayGuard>.Instance);
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);

        // 300 distinct ids, each presented three times at once: batches will hold duplicates.
        var attempts = Enumerable.Range(0, 900).Select(i => guard.TryUseAsync("acme", $"jti-{i % 300}", expires, CancellationToken.None));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(300, results.Count(r => r));
        Assert.False(await guard.TryUseAsync("acme", "jti-7", expires, CancellationToken.None));
    }

    [Fact]
    public async Task TheSameIdUnderAnotherTenantIsAnotherToken()
    {
        await using var guard = new ReplayGuard(_db, TimeProvider.System, NullLogger<ReplayGuard>.Instance);
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);

        Assert.True(await guard.TryUseAsync("acme", "shared", expires, CancellationToken.None));
        Assert.True(await guard.TryUseAsync("other", "shared", expires, CancellationToken.None));
        Assert.False(await guard.TryUseAsync("other", "shared", expires, CancellationToken.None));
    }

    [Fact]
    public async Task UsedIdsSurviveARestartOfTheGuard()
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);
        await using (var first = new ReplayGuard(_db, TimeProvider.System, NullLogger<ReplayGuard>.Instance))
        {
            Assert.True(await first.TryUseAsync("acme", "kept", expires, CancellationToken.None));
        }
        await using var second = new ReplayGuard(_db, TimeProvider.System, NullLogger<ReplayGuard>.Instance);
        Assert.False(await second.TryUseAsync("acme", "kept", expires, CancellationToken.None));
    }

    [Fact]
    public async Task ATokenSignedAfterTheStartIsLetInBeforeItsRowIsWrittenYetStillOnce()
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);
        var signed = DateTimeOffset.UtcNow.AddMinutes(1); // after the start, beyond the clock skew
        await using (var guard = new ReplayGuard(_db, TimeProvider.System, NullLogger<ReplayGuard>.Instance))
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 600).Select(i => guard.TryUseAsync("acme", $"fresh-{i % 200}", expires, signed, CancellationToken.None)));

            Assert.Equal(200, results.Count(r => r));
            Assert.False(await guard.TryUseAsync("acme", "fresh-5", expires, signed, CancellationToken.None));
        }
        // Stopping wrote every id: the store refuses them to the next process, whichever path it takes.
        await using var next = new ReplayGuard(_db, TimeProvider.System, NullLogger<ReplayGuard>.Instance);
        Assert.False(await next.TryUseAsync("acme", "fresh-7", expires, CancellationToken.None));
        Assert.False(await next.TryUseAsync("acme", "fresh-8", expires, signed, CancellationToken.None));
        Assert.True(await next.TryUseAsync("acme", "fresh-new", expires, signed, CancellationToken.None));
    }

    [Fact]
    public async Task AfterAnUncleanStopOnlyTokensSignedSinceTheStartAreAccepted()
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);
        await using (var connection = await _db.OpenAsync(CancellationToken.None))
        {
            // As a process that was killed leaves it: running, its last ids perhaps never written.
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE replay_guard_state SET clean = 0");
        }
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var guard = new ReplayGuard(_db, time, NullLogger<ReplayGuard>.Instance);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await guard.TryUseAsync("acme", "before-the-crash", expires, time.GetUtcNow().AddMinutes(-2), CancellationToken.None));
        Assert.False(await guard.TryUseAsync("acme", "no-iat", expires, CancellationToken.None));
        // Signed after the start, but more than the clock skew ahead of this clock: no fast path, so refused as well.
        Assert.False(await guard.TryUseAsync("acme", "from-the-future", expires, time.GetUtcNow().AddMinutes(1), CancellationToken.None));
        Assert.True(await guard.TryUseAsync("acme", "after-the-start", expires, time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task AfterACleanStopOlderTokensAreCheckedAgainstTheStore()
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);
        var earlier = DateTimeOffset.UtcNow.AddMinutes(-1);
        await using (var first = new ReplayGuard(_db, TimeProvider.System, NullLogger<ReplayGuard>.Instance))
        {
            Assert.True(await first.TryUseAsync("acme", "used-before", expires, earlier, CancellationToken.None));
        }
        await using var second = new ReplayGuard(_db, TimeProvider.System, NullLogger<ReplayGuard>.Instance);

        Assert.False(await second.TryUseAsync("acme", "used-before", expires, earlier, CancellationToken.None));
        Assert.True(await second.TryUseAsync("acme", "never-used", expires, earlier, CancellationToken.None));
    }

    [Fact]
    public async Task ATokenSignedAfterTheStartIsAnsweredFromMemoryAndRefusedByTheNextProcessFromTheStore()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var expires = time.GetUtcNow().AddMinutes(9);
        await using (var guard = new ReplayGuard(_db, time, NullLogger<ReplayGuard>.Instance))
        {
            time.Advance(TimeSpan.FromMinutes(1));
            var signed = time.GetUtcNow();
            var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => guard.TryUseAsync("acme", $"mem-{i % 100}", expires, signed, CancellationToken.None)));

            Assert.Equal(100, results.Count(r => r));
            Assert.False(await guard.TryUseAsync("acme", "mem-5", expires, signed, CancellationToken.None));
            Assert.True(await guard.TryUseAsync("other", "mem-5", expires, signed, CancellationToken.None));
        }
        // The next process started after these were signed: it cannot answer from memory, and the store refuses them.
        time.Advance(TimeSpan.FromMinutes(1));
        await using var next = new ReplayGuard(_db, time, NullLogger<ReplayGuard>.Instance);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await next.TryUseAsync("acme", "mem-7", expires, time.GetUtcNow().AddMinutes(-2), CancellationToken.None));
        Assert.True(await next.TryUseAsync("acme", "mem-new", expires, time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task IdsForgottenForRoomAreAskedOfTheStoreAndStillRefused()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var expires = time.GetUtcNow().AddMinutes(9);
        await using var guard = new ReplayGuard(_db, time, NullLogger<ReplayGuard>.Instance, maxRemembered: 3);
        time.Advance(TimeSpan.FromMinutes(1));
        var signedAt = new List<DateTimeOffset>();
        for (var i = 0; i < 6; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            signedAt.Add(time.GetUtcNow());
            Assert.True(await guard.TryUseAsync("acme", $"room-{i}", expires, signedAt[i], CancellationToken.None));
        }
        // Let the rows be written, so only the store can refuse the forgotten ones.
        await FakeClockFreeWaitAsync(() => guard.TryUseAsync("acme", "probe", expires, null, CancellationToken.None));

        for (var i = 0; i < 6; i++)
        {
            Assert.False(await guard.TryUseAsync("acme", $"room-{i}", expires, signedAt[i], CancellationToken.None));
        }
        Assert.True(await guard.TryUseAsync("acme", "room-new", expires, time.GetUtcNow(), CancellationToken.None));
    }

    /// <summary>A token on the path that waits for its row: once it returns, every id queued before it was written.</summary>
    private static async Task FakeClockFreeWaitAsync(Func<Task<bool>> waitForRow) => Assert.True(await waitForRow());

    [Fact]
    public async Task WhenATokensRowFailsToBeWrittenTheStopIsNotCleanSoTheNextProcessRefusesIt()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var signed = time.GetUtcNow().AddMinutes(1);
        var expires = signed.AddMinutes(30);
        await using (var connection = await _db.OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "CREATE TRIGGER test_store_failure BEFORE INSERT ON token_jti WHEN NEW.jti = 'lost' BEGIN SELECT RAISE(ABORT, 'injected'); END");
        }
        await using (var first = new ReplayGuard(_db, time, NullLogger<ReplayGuard>.Instance))
        {
            time.Advance(TimeSpan.FromMinutes(1));
            // Signed after the start: let in while its row is written behind it, and that write fails.
            Assert.True(await first.TryUseAsync("acme", "lost", expires, signed, CancellationToken.None));
        }
        await using (var connection = await _db.OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "DROP TRIGGER test_store_failure");
        }
        time.Advance(TimeSpan.FromMinutes(10));
        await using var next = new ReplayGuard(_db, time, NullLogger<ReplayGuard>.Instance);

        // Signed before this start, its row missing: only an unclean stop keeps it from being used twice.
        Assert.False(await next.TryUseAsync("acme", "lost", expires, signed, CancellationToken.None));
    }
}
