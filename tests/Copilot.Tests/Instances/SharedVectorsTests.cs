using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Redis;
using Copilot.Api.Tenants;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Instances;

/// <summary>Passages one instance embeds reach the other instance's vector search.</summary>
public sealed class SharedVectorsTests
{
    [Fact]
    public async Task VectorsEmbeddedByOneInstanceAreReloadedByTheOtherThatHadLoadedFewer()
    {
        await using var two = await TwoInstances.StartAsync();
        // While the test holds the tenant's embedding lease, neither instance's background pass embeds anything (one
        // already running, over no passages yet, ends first), so B loads exactly what A embedded below.
        var leases = two.A.Services.GetRequiredService<SharedLeases>();
        var work = $"embedding:{CopilotTestHost.TenantId}";
        var held = false;
        for (var tries = 0; !held && tries < 400; tries++)
        {
            held = await leases.TryTakeAsync(work, TimeSpan.FromMinutes(5));
            if (!held)
            {
                await Task.Delay(50);
            }
        }
        Assert.True(held, "The test could not take the tenant's embedding lease.");
        using (var sync = await two.A.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }
        var tenantOnA = Tenant(two.A);
        var tenantOnB = Tenant(two.B);
        var vectorsOnB = two.B.Services.GetRequiredService<PassageVectors>();

        // A first batch, embedded on A without a word to B; B loads what there is.
        await two.A.Services.GetRequiredService<PassageVectors>().EmbedMissingAsync(tenantOnA, PassageVectors.BatchSize, CancellationToken.None);
        var first = (await vectorsOnB.IndexAsync(tenantOnB, CancellationToken.None))!.Count;
        Assert.InRange(first, 1, PassageVectors.BatchSize);

        await leases.ReleaseAsync(work);
        // The rest, by A's embedding pass, which tells the other instances (or by the pass already running, which does too).
        // A background pass that took the lease first embeds them instead, and tells the others the same way: wait for
        // whichever did (embedding is slow on a busy machine), then for B to reload.
        var embedding = two.A.Services.GetRequiredService<PassageEmbedding>();
        var vectorsOnA = two.A.Services.GetRequiredService<PassageVectors>();
        for (var tries = 0; tries < 600; tries++)
        {
            await embedding.EmbedAsync(tenantOnA, CancellationToken.None);
            var (passages, embedded) = await vectorsOnA.ProgressAsync(tenantOnA, CancellationToken.None);
            if (embedded >= passages)
            {
                break;
            }
            await Task.Delay(200);
        }

        await FakeClock.WaitForAsync(() => vectorsOnB.IndexAsync(tenantOnB, CancellationToken.None).Result!.Count > first, "B reloading the tenant's vectors");
    }

    private static Tenant Tenant(CopilotTestHost host) => host.Services.GetRequiredService<TenantRegistry>().Find(CopilotTestHost.TenantId)!;
}
