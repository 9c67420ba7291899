using System.Net;
using Copilot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Instances;

/// <summary>A proxy token is accepted once by all the instances together, with Redis and, while it is away, by the store.</summary>
public sealed class SharedReplayTests
{
    [Fact]
    public async Task ATokenUsedOnOneInstanceIsRefusedOnTheOther()
    {
        await using var two = await TwoInstances.StartAsync();
        var token = CopilotTestHost.MintToken();

        using var first = await two.A.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: token));
        using var onB = await two.B.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: token));
        using var onA = await two.A.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: token));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onB.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onA.StatusCode);
    }

    [Fact]
    public async Task ATokenRedisLetInGoesOnOnlyOnceItsRowIsInTheStore()
    {
        await using var two = await TwoInstances.StartAsync();
        using (var warm = await two.A.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: CopilotTestHost.MintToken())))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode); // the assist is cached from now on: opening it again writes nothing
        }

        // Another writer holds the store: Redis takes the claim at once, the token's row has to wait.
        await using var holder = new SqliteConnection($"Data Source={two.StorePath}");
        await holder.OpenAsync();
        await using (var hold = holder.CreateCommand())
        {
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();
        }
        // Redis holds every id from its first claim (the warm-up's); a token can be used up to 30 s before it says it was
        // signed, so one signed 28 s ahead, 3 s after that claim, is one Redis answers for.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var token = CopilotTestHost.MintToken(jti: "while-the-store-is-busy", issuedAt: DateTime.UtcNow.AddSeconds(28));
        var request = two.A.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: token));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(request.IsCompleted, "The request ran before its token's row was in the store.");

        await using (var release = holder.CreateCommand())
        {
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }
        using var response = await request;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1L, await two.A.ScalarAsync("SELECT COUNT(*) FROM token_jti WHERE jti = 'while-the-store-is-busy'"));
    }

    [Fact]
    public async Task WhileRedisIsAwayAndAfterItComesBackEmptyTheStoreRefusesATokenAlreadyUsed()
    {
        await using var two = await TwoInstances.StartAsync();
        var token = CopilotTestHost.MintToken(jti: "used-before-the-outage");
        using (var first = await two.A.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: token)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        // Its row was committed before the request ran, though Redis took the claim: an instance that cannot reach Redis
        // the moment after finds it in the store.
        Assert.Equal(1L, await two.A.ScalarAsync("SELECT COUNT(*) FROM token_jti WHERE jti = 'used-before-the-outage'"));

        await two.Redis.KillAsync();
        await two.WaitForRedisAsync(available: false);
        using (var replayed = await two.B.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: token)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        }
        var fresh = CopilotTestHost.MintToken();
        using (var accepted = await two.B.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: fresh)))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        using (var freshAgain = await two.A.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: fresh)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, freshAgain.StatusCode);
        }

        // Redis comes back without what it held: the tokens used before are still refused, new ones accepted once.
        await two.Redis.RestartAsync();
        await two.WaitForRedisAsync(available: true);
        foreach (var used in new[] { token, fresh })
        {
            using var again = await two.A.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: used));
            Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        }
        var after = CopilotTestHost.MintToken();
        using (var accepted = await two.A.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: after)))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        using var replayAfter = await two.B.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: after));
        Assert.Equal(HttpStatusCode.Unauthorized, replayAfter.StatusCode);
    }
}
