using System.Text.Json;
using Copilot.Api.Assist;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Functional;

/// <summary>
/// An assist worked out before the built-in model has read the tenant's passages (just after the first sync) searched
/// keywords only: it is served from the cache for half a minute, not the usual ten, so the ticket shows what meaning
/// finds once the passages are read; while the model has read only some of them, too. Here the background embedding is
/// off and the test embeds when it chooses, on a fake clock.
/// </summary>
public sealed class AssistWhileIndexingTests
{
    [Fact]
    public async Task AnAssistFromBeforeThePassagesWereEmbeddedIsCachedOnlyBrieflyAndOneFromAfterForTheUsualTime()
    {
        var time = FakeClock.AtNow();
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk, configure: b => b.WithClock(time).WithoutHostedService<PassageEmbeddingService>());
        // A count taken before the sync (the readiness probe takes them) must not hide what the sync wrote.
        var tenant = host.Services.GetRequiredService<TenantRegistry>().Find(CopilotTestHost.TenantId)!;
        var model = host.Services.GetRequiredService<TenantModels>().Embedder(tenant)!.Model;
        Assert.Equal((0, 0), await host.Services.GetRequiredService<EmbeddingProgress>().GetAsync(tenant, model, null, CancellationToken.None));
        using (var sync = await host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }

        var first = await CachedAsync(host);
        var again = await CachedAsync(host);
        time.Advance(AssistCache.ProvisionalFor + TimeSpan.FromSeconds(1));
        var afterHalfAMinute = await CachedAsync(host);

        await host.Services.GetRequiredService<PassageVectors>().EmbedMissingAsync(tenant, int.MaxValue, CancellationToken.None);
        time.Advance(AssistCache.ProvisionalFor + TimeSpan.FromSeconds(1));
        var embedded = await CachedAsync(host);
        time.Advance(TimeSpan.FromMinutes(2));
        var twoMinutesLater = await CachedAsync(host);

        Assert.Equal((false, true, false), (first, again, afterHalfAMinute));
        Assert.Equal((false, true), (embedded, twoMinutesLater));
    }

    [Fact]
    public async Task WhileTheModelHasReadOnlySomeOfThePassagesTheAssistRanksByKeywordsAlone()
    {
        var time = FakeClock.AtNow();
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk, configure: b => b.WithClock(time).WithoutHostedService<PassageEmbeddingService>());
        var tenant = host.Services.GetRequiredService<TenantRegistry>().Find(CopilotTestHost.TenantId)!;
        var vectors = host.Services.GetRequiredService<PassageVectors>();
        using (var sync = await host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }
        var later = EmbeddingProgress.MaxAge + AssistCache.ProvisionalFor + TimeSpan.FromSeconds(1);

        // "Refund for everything": a long thread whose keywords alone find little of its refund.
        var keywords = await ArticlesAsync(host, 114);
        await vectors.EmbedMissingAsync(tenant, 100, CancellationToken.None);
        time.Advance(later);
        var partly = await ArticlesAsync(host, 114);
        await vectors.EmbedMissingAsync(tenant, int.MaxValue, CancellationToken.None);
        time.Advance(later);
        var read = await ArticlesAsync(host, 114);

        Assert.Equal(keywords, partly);
        Assert.NotEqual(keywords, read);
        Assert.Contains("Refund policy", read);
    }

    private static async Task<List<string>> ArticlesAsync(CopilotTestHost host, long ticket)
    {
        using var response = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("articles").EnumerateArray()
            .Select(a => a.GetProperty("title").GetString()!).ToList();
    }

    private static async Task<bool> CachedAsync(CopilotTestHost host)
    {
        using var response = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/127/assist"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("cached").GetBoolean();
    }
}
