using System.Net;
using System.Net.Http.Json;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Instances;

/// <summary>The model routes' limits count the requests every instance took, not each instance's own.</summary>
public sealed class SharedRateLimitTests
{
    [Fact]
    public async Task ATenantsLimitCountsRequestsOnBothInstancesAndRefusesOnEitherPastIt()
    {
        await using var two = await TwoInstances.StartAsync(new Dictionary<string, string?>
        {
            ["Copilot:RateLimits:PerTenant"] = "3",
            ["Copilot:RateLimits:Window"] = "01:00:00",
        });

        Assert.Equal(HttpStatusCode.OK, await RewriteAsync(two.A));
        Assert.Equal(HttpStatusCode.OK, await RewriteAsync(two.B));
        Assert.Equal(HttpStatusCode.OK, await RewriteAsync(two.A));
        using var refused = await two.B.Client.SendAsync(Rewrite());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(50), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RewriteAsync(two.A));
        // Assist spends no model tokens: it is not limited.
        using var assist = await TwoInstances.AssistAsync(two.B, 101);
        Assert.Equal(HttpStatusCode.OK, assist.StatusCode);
    }

    [Fact]
    public async Task WhileRedisIsAwayEachInstanceKeepsTheLimitForItself()
    {
        await using var two = await TwoInstances.StartAsync(new Dictionary<string, string?>
        {
            ["Copilot:RateLimits:PerTenant"] = "2",
            ["Copilot:RateLimits:Window"] = "01:00:00",
        });
        await two.Redis.KillAsync();
        await two.WaitForRedisAsync(available: false);

        foreach (var host in new[] { two.A, two.B })
        {
            Assert.Equal(HttpStatusCode.OK, await RewriteAsync(host));
            Assert.Equal(HttpStatusCode.OK, await RewriteAsync(host));
            Assert.Equal(HttpStatusCode.TooManyRequests, await RewriteAsync(host));
        }
    }

    private static HttpRequestMessage Rewrite() => CopilotTestHost.Sidebar(HttpMethod.Post, "/api/rewrite",
        JsonContent.Create(new { action = "shorten", text = "Thanks so much for your patience while we look into this for you." }));

    private static async Task<HttpStatusCode> RewriteAsync(CopilotTestHost host)
    {
        using var response = await host.Client.SendAsync(Rewrite());
        return response.StatusCode;
    }
}
