using Copilot.Api.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Instances;

/// <summary>Background work one instance at a time does (a tenant's passage embedding) is leased in Redis.</summary>
public sealed class SharedLeasesTests
{
    [Fact]
    public async Task OneInstanceHoldsTheWorkUntilItGivesItBackAndWithoutRedisEachDoesItsOwn()
    {
        await using var two = await TwoInstances.StartAsync();
        var onA = two.A.Services.GetRequiredService<SharedLeases>();
        var onB = two.B.Services.GetRequiredService<SharedLeases>();

        Assert.True(await onA.TryTakeAsync("lease-test:acme", TimeSpan.FromMinutes(15)));
        Assert.False(await onB.TryTakeAsync("lease-test:acme", TimeSpan.FromMinutes(15)));
        Assert.True(await onB.TryTakeAsync("lease-test:other", TimeSpan.FromMinutes(15)));
        await onB.ReleaseAsync("lease-test:acme"); // not B's to give back
        Assert.False(await onB.TryTakeAsync("lease-test:acme", TimeSpan.FromMinutes(15)));

        await onA.ReleaseAsync("lease-test:acme");
        Assert.True(await onB.TryTakeAsync("lease-test:acme", TimeSpan.FromMinutes(15)));

        await two.Redis.KillAsync();
        await two.WaitForRedisAsync(available: false);
        Assert.True(await onA.TryTakeAsync("lease-test:acme", TimeSpan.FromMinutes(15)));
    }
}
