using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Tenants;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Knowledge;

/// <summary>One embedding pass reads every passage a sync wrote, not only the first step's worth.</summary>
public sealed class EmbeddingPassTests
{
    [Fact]
    public async Task OnePassEmbedsEveryPassageEvenWhenAStepAlsoReadTitles()
    {
        // The demo account's 400-odd passages and their sources' titles are more than one step of 500 reads together.
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk, configure: b => b.WithoutHostedService<PassageEmbeddingService>());
        using (var sync = await host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }
        // Nothing embeds behind the test's back: the pass measured is the one it runs.
        Assert.DoesNotContain(host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is PassageEmbeddingService);
        var tenant = host.Services.GetRequiredService<TenantRegistry>().Find(CopilotTestHost.TenantId)!;
        var embedding = host.Services.GetRequiredService<PassageEmbedding>();

        var embedded = await embedding.EmbedAsync(tenant, CancellationToken.None);
        var (passages, read) = await host.Services.GetRequiredService<PassageVectors>().ProgressAsync(tenant, CancellationToken.None);

        Assert.True(passages > 400, $"{passages} passages");
        Assert.Equal((passages, passages), (read, (long)embedded));
    }
}
