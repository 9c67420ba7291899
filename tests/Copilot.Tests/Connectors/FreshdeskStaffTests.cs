using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Connectors;

/// <summary>
/// <c>FindStaffAsync</c> on Freshdesk: whether a user id is an active agent or admin, answered from the account's agents
/// and roles as last read, so a check costs no call while they are fresh.
/// </summary>
public sealed class FreshdeskStaffTests
{
    private static Task<Copilot.Connectors.Helpdesk.DirectoryUser?> FindAsync(FreshdeskHarness fd, long id) =>
        fd.Directory.FindStaffAsync(fd.Connection, id, CancellationToken.None);

    [Fact]
    public async Task TheAgentsAndRolesAreReadOnceAndEveryLaterCheckMakesNoCall()
    {
        var data = FakeFreshdeskData.LoadDemo();
        var people = FreshdeskPeople.Of(data);
        await using var fd = await FreshdeskHarness.StartAsync(data);

        var admin = await FindAsync(fd, people.Admin);
        var requestsAfterFirst = fd.Fake.Requests.Count;
        var lead = await FindAsync(fd, people.Lead);
        var agent = await FindAsync(fd, people.Agent);

        Assert.Equal(("admin", "agent", "agent"), (admin!.Role, lead!.Role, agent!.Role));
        Assert.Contains(people.TeamLeadRole, lead.RoleIds);
        Assert.Equal(2, requestsAfterFirst);
        Assert.Equal((1, 1), (fd.Calls("/api/v2/agents"), fd.Calls("/api/v2/roles")));
        Assert.Equal(2, fd.Fake.Requests.Count);
    }

    [Fact]
    public async Task AnIdTheAgentsJustReadDoNotHoldIsNoAgentWithoutAnotherCall()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data);

        Assert.Null(await FindAsync(fd, FreshdeskPeople.Of(data).Contact));

        Assert.Equal(["/api/v2/agents", "/api/v2/roles"], fd.Fake.Requests.Select(r => r.Path).Order());
    }

    [Fact]
    public async Task AnIdMissingFromAgentsReadEarlierIsAskedForOnItsOwn()
    {
        var data = FakeFreshdeskData.LoadDemo();
        var people = FreshdeskPeople.Of(data);
        await using var fd = await FreshdeskHarness.StartAsync(data);
        await FindAsync(fd, people.Agent);
        data.Agents.Add(new FakeFdAgent { Id = 43000100077, Name = "Noor Bakker", Email = "noor@spokewise.example", RoleIds = [people.TeamLeadRole] });
        fd.Fake.ClearRequests();

        var newcomer = await FindAsync(fd, 43000100077);
        var contact = await FindAsync(fd, people.Contact);

        Assert.Equal(("Noor Bakker", "agent"), (newcomer!.Name, newcomer.Role));
        Assert.Null(contact);
        // The agent endpoint alone: a contact's own record is not needed to know it is no agent.
        Assert.Equal(["/api/v2/agents/43000100077", $"/api/v2/agents/{people.Contact}"], fd.Fake.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task CollaboratorsAndDeactivatedAgentsAreNotStaff()
    {
        var data = FakeFreshdeskData.LoadDemo();
        var people = FreshdeskPeople.Of(data);
        data.Agents.Single(a => a.Id == people.Lead).Active = false;
        await using var fd = await FreshdeskHarness.StartAsync(data);

        Assert.Null(await FindAsync(fd, people.Collaborator));
        Assert.Null(await FindAsync(fd, people.Lead));
        Assert.Equal(2, fd.Fake.Requests.Count);
    }

    [Fact]
    public async Task ADeactivationCountsOnceTheAgentsAreReadAgain()
    {
        var data = FakeFreshdeskData.LoadDemo();
        var people = FreshdeskPeople.Of(data);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-02T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var fd = await FreshdeskHarness.StartAsync(data, o => o.DirectoryCacheDuration = TimeSpan.FromMinutes(15), clock);
        Assert.NotNull(await FindAsync(fd, people.Lead));
        data.Agents.Single(a => a.Id == people.Lead).Active = false;

        var stillKnown = await FindAsync(fd, people.Lead);
        clock.Advance(TimeSpan.FromMinutes(15));
        var readAgain = await FindAsync(fd, people.Lead);

        Assert.NotNull(stillKnown);
        Assert.Null(readAgain);
        Assert.Equal(2, fd.Calls("/api/v2/agents"));
    }
}
