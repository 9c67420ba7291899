using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.Connectors;

/// <summary>A requester's tickets, read by each connector in one call from its fake: only theirs, newest update first, with links.</summary>
public sealed class RequesterTicketsTests
{
    [Fact]
    public async Task ZendeskListsTheRequestersTicketsInOneSearch()
    {
        await using var zd = await ZendeskHarness.StartAsync(FakeZendeskData.LoadDemo());
        var requester = zd.Fake.Data.Tickets.GroupBy(t => t.RequesterId).OrderByDescending(g => g.Count()).First();
        zd.Fake.ClearRequests();

        var listed = await zd.Client.GetRequesterTicketsAsync(requester.Key, 10, CancellationToken.None);

        Assert.Equal(requester.OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Id).Select(t => t.Id).Take(10), listed.Select(t => t.Id));
        var call = Assert.Single(zd.Fake.Requests);
        Assert.Contains("requester%3A" + requester.Key, call.Query, StringComparison.OrdinalIgnoreCase);
        Assert.All(listed, t => Assert.EndsWith($"/agent/tickets/{t.Id}", t.Url));
    }

    [Fact]
    public async Task FreshdeskListsTheRequestersTicketsInOneCall()
    {
        await using var fd = await FreshdeskHarness.StartAsync(FakeFreshdeskData.LoadDemo());
        var requester = fd.Fake.Data.Tickets.GroupBy(t => t.RequesterId).OrderByDescending(g => g.Count()).First();
        fd.Fake.ClearRequests();

        var listed = await fd.Client.GetRequesterTicketsAsync(requester.Key, 10, CancellationToken.None);

        Assert.Equal(requester.OrderByDescending(t => t.UpdatedAt).Select(t => t.Id).Take(10).Order(), listed.Select(t => t.Id).Order());
        var call = Assert.Single(fd.Fake.Requests);
        Assert.Contains("requester_id=" + requester.Key, call.Query, StringComparison.Ordinal);
        Assert.All(listed, t => Assert.EndsWith($"/a/tickets/{t.Id}", t.Url));
    }
}
