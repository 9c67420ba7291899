using System.Net;
using Copilot.Tests.Infrastructure;

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
    public async Task WhileRedisIsAwayAndAfterItComesBackEmptyTheStoreRefusesATokenAlreadyUsed()
    {
        await using var two = await TwoInstances.StartAsync();
        var token = CopilotTestHost.MintToken(jti: "used-before-the-outage");
        using (var first = await two.A.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: token)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        // Its row is written behind the claim in Redis.
        await FakeClock.WaitForAsync(() => two.A.ScalarAsync("SELECT COUNT(*) FROM token_jti WHERE jti = 'used-before-the-outage'").Result == 1, "the token's row");

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
