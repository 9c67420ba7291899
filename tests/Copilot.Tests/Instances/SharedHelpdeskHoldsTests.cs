using System.Net;
using System.Text.Json;
using Copilot.Connectors.Helpdesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Instances;

/// <summary>What one instance learns of a helpdesk account — a wait it asked for, a breaker that opened — holds the other's calls too.</summary>
public sealed class SharedHelpdeskHoldsTests
{
    [Fact]
    public async Task ARateLimitWithRetryAfterSeenByOneInstanceHoldsTheOthersCalls()
    {
        await using var two = await TwoInstances.StartAsync();
        two.Zendesk.Faults.RateLimit(times: 100, retryAfterSeconds: 30);

        using (var onA = await TwoInstances.AssistAsync(two.A, 101))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, onA.StatusCode);
        }
        Assert.Equal(1, two.Calls);
        await FakeClock.WaitForAsync(() => Held(two.B) is not null, "the hold reaching B");

        // B has never called Zendesk: it waits the wait A was asked for, and says so.
        for (var ticket = 102; ticket < 105; ticket++)
        {
            using var onB = await TwoInstances.AssistAsync(two.B, ticket);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, onB.StatusCode);
            Assert.InRange(onB.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 20, 30);
            var problem = JsonDocument.Parse(await onB.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("asked us to slow down", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(1, two.Calls);
        Assert.Equal(HoldReason.Asked, Held(two.B)!.Value.Reason);
    }

    [Fact]
    public async Task AnInstanceThatStartsDuringAHoldLearnsItFromRedis()
    {
        await using var two = await TwoInstances.StartAsync();
        two.Zendesk.Faults.RateLimit(times: 100, retryAfterSeconds: 60);
        using (var onA = await TwoInstances.AssistAsync(two.A, 101))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, onA.StatusCode);
        }
        await using var third = await CopilotTestHost.StartAsync(two.Zendesk, new Dictionary<string, string?>
        {
            ["Copilot:Redis:Configuration"] = two.Redis.Configuration,
        });
        await FakeClock.WaitForAsync(() => Held(third) is not null, "the hold read by the new instance");

        using var onThird = await TwoInstances.AssistAsync(third, 102);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, onThird.StatusCode);
        Assert.Equal(1, two.Calls);
    }

    [Fact]
    public async Task ABreakerOpenedOnOneInstanceHoldsTheOthersCallsToThatAccount()
    {
        await using var two = await TwoInstances.StartAsync();
        two.Zendesk.Faults.Fail(500, times: 1000);

        // Each open is an attempt and two retries: two opens make the six failures that open A's breaker.
        for (var ticket = 101; Held(two.B) is null && ticket < 110; ticket++)
        {
            using var onA = await TwoInstances.AssistAsync(two.A, ticket);
            Assert.True(onA.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable, $"{onA.StatusCode}");
        }
        await FakeClock.WaitForAsync(() => Held(two.B) is not null, "A's open breaker reaching B");
        var calls = two.Calls;

        using var onB = await TwoInstances.AssistAsync(two.B, 120);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, onB.StatusCode);
        Assert.NotNull(onB.Headers.RetryAfter);
        var problem = JsonDocument.Parse(await onB.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("failed repeatedly", problem.GetProperty("detail").GetString());
        Assert.Equal(calls, two.Calls);
        Assert.Equal(HoldReason.Breaker, Held(two.B)!.Value.Reason);
    }

    private static (TimeSpan Left, HoldReason Reason)? Held(CopilotTestHost host) =>
        host.Services.GetRequiredService<HelpdeskBackoff>().Held(HelpdeskBackoff.AccountOf(host.Services
            .GetRequiredService<Copilot.Api.Tenants.TenantRegistry>().Find(CopilotTestHost.TenantId)!.Connection.BaseUrl));
}
