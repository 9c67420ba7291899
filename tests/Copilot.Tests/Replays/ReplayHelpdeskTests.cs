using System.Net.Http.Json;
using Copilot.Api.Replays;
using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Replays;

/// <summary>Replays of the helpdesks' own solved tickets, read from the fakes over HTTP: known answers, and not one write.</summary>
public sealed class ReplayHelpdeskTests
{
    [Fact]
    public async Task AReplayOfZendeskReadsSolvedTicketsThroughTheIncrementalExportRecordsNothingAndWritesNothing()
    {
        await using var zendesk = await FakeZendesk.StartAsync(ReplayData.Zendesk());
        await using var host = await CopilotTestHost.StartAsync(zendesk, ReplayCalls.Settings);
        await ReplayCalls.SyncAsync(host);
        zendesk.ClearRequests();

        var id = await ReplayCalls.StartAsync(host, ReplayCalls.Base, JsonContent.Create(new { from = "2026-11-01T00:00:00Z", label = "before go-live" }));
        await ReplayKnownAnswers.AssertAsync(host, id, billingGroup: "10", setupGroup: "20");

        Assert.All(zendesk.Requests, r => Assert.Equal("GET", r.Method));
        var export = Assert.Single(zendesk.Requests, r => r.Path == "/api/v2/incremental/tickets/cursor.json");
        Assert.Equal($"?start_time={new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()}", export.Query);
        // The four solved tickets read, two calls each; the open one never.
        Assert.Equal(4, zendesk.Requests.Count(r => r.Path.StartsWith("/api/v2/tickets/", StringComparison.Ordinal) && !r.Path.EndsWith("/comments", StringComparison.Ordinal)));
        Assert.DoesNotContain(zendesk.Requests, r => r.Path.StartsWith("/api/v2/tickets/1005", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheZendeskExportIsFollowedByItsCursorToTheEndOfTheStreamKeepingOnlySolvedTickets()
    {
        var data = ReplayData.Zendesk();
        var at = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        // 1,200 more tickets, every third one still open: more than one page of Zendesk's 1,000.
        data.Tickets.AddRange(Enumerable.Range(0, 1200).Select(i => new FakeTicket
        {
            Id = 5000 + i, Subject = "Old", Status = i % 3 == 0 ? "open" : "closed", RequesterId = 500, CreatedAt = at, UpdatedAt = at.AddMinutes(i),
        }));
        await using var zendesk = await FakeZendesk.StartAsync(data);
        await using var host = await CopilotTestHost.StartAsync(zendesk, ReplayCalls.Settings);
        var client = host.Services.GetRequiredService<Copilot.Connectors.Helpdesk.IHelpdeskClientFactory>()
            .Create(new Copilot.Connectors.Helpdesk.HelpdeskConnection("zendesk", zendesk.BaseUrl, zendesk.Data.Email, zendesk.Data.ApiToken));

        var first = await client.ExportSolvedAsync(at, null, CancellationToken.None);
        Assert.Equal(1000, first.Listed);
        Assert.NotNull(first.Next);
        var second = await client.ExportSolvedAsync(at, first.Next, CancellationToken.None);
        Assert.Equal((205, (string?)null), (second.Listed, second.Next));
        var solved = first.Tickets.Concat(second.Tickets).ToList();
        Assert.Equal(800 + 4, solved.Count);
        Assert.Equal([1001L, 1002, 1003, 1004], solved.TakeLast(4).Select(t => t.Id));
        Assert.Equal([10L, 20, 10, 20], solved.TakeLast(4).Select(t => t.GroupId ?? 0));
        Assert.Contains(zendesk.Requests, r => r.Query.StartsWith("?cursor=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReplayOfFreshdeskReadsResolvedTicketsByUpdatedSinceRecordsNothingAndWritesNothing()
    {
        await using var freshdesk = await FakeFreshdesk.StartAsync(ReplayData.Freshdesk());
        await using var host = await CopilotTestHost.StartFreshdeskAsync(freshdesk, ReplayCalls.Settings);
        await ReplayCalls.SyncAsync(host);
        freshdesk.ClearRequests();

        var id = await ReplayCalls.StartAsync(host, ReplayCalls.Base, JsonContent.Create(new { from = "2026-11-01T00:00:00Z" }));
        await ReplayKnownAnswers.AssertAsync(host, id, billingGroup: "10", setupGroup: "20");

        Assert.All(freshdesk.Requests, r => Assert.Equal("GET", r.Method));
        var list = Assert.Single(freshdesk.Requests, r => r.Path == "/api/v2/tickets");
        Assert.Contains("updated_since=2026-11-01T00%3A00%3A00Z", list.Query, StringComparison.Ordinal);
        Assert.Contains("order_type=asc", list.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(freshdesk.Requests, r => r.Path.StartsWith("/api/v2/tickets/1005", StringComparison.Ordinal));
    }
}
