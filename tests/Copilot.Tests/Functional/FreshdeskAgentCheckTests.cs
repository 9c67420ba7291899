using System.Net;
using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.ModelFeatures;

namespace Copilot.Tests.Functional;

/// <summary>
/// What checking a Freshworks app call's agent costs the Freshdesk account, and what it does when the account changes
/// or fails. Each test has its own fake Freshdesk and host: they count every call the fake sees.
/// </summary>
public sealed class FreshdeskAgentCheckTests
{
    private static async Task<HttpStatusCode> AssistAsync(CopilotTestHost host, long ticket, long agent)
    {
        using var response = await host.Client.SendAsync(CopilotTestHost.FreshworksApp(HttpMethod.Get, $"/api/tickets/{ticket}/assist", agent));
        return response.StatusCode;
    }

    private static int Calls(FakeFreshdesk fake, string path) => fake.Requests.Count(r => r.Path == path);

    [Fact]
    public async Task OpeningATicketAgainMakesNoHelpdeskCallAtAll()
    {
        await using var fake = await FakeFreshdesk.StartAsync(FakeFreshdeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartFreshdeskAsync(fake);
        var people = FreshdeskPeople.Of(fake.Data);

        Assert.Equal(HttpStatusCode.OK, await AssistAsync(host, 102, people.Agent));
        // Cold: the account's agents and roles once, then the ticket and its conversations.
        Assert.Equal(4, fake.Requests.Count);
        Assert.Equal(1, Calls(fake, "/api/v2/agents"));
        Assert.Equal(1, Calls(fake, "/api/v2/roles"));
        fake.ClearRequests();

        Assert.Equal(HttpStatusCode.OK, await AssistAsync(host, 102, people.Agent));
        Assert.Equal(HttpStatusCode.OK, await AssistAsync(host, 102, people.Lead));

        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task AnAgentAddedAfterTheAgentsWereReadGetsInForOneCall()
    {
        await using var fake = await FakeFreshdesk.StartAsync(FakeFreshdeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartFreshdeskAsync(fake);
        var people = FreshdeskPeople.Of(fake.Data);
        Assert.Equal(HttpStatusCode.OK, await AssistAsync(host, 102, people.Agent));
        var newcomer = new FakeFdAgent { Id = 43000100099, Name = "Noor Bakker", Email = "noor@spokewise.example", RoleIds = [.. fake.Data.Agents.Single(a => a.Id == people.Agent).RoleIds] };
        fake.Data.Agents.Add(newcomer); // no request is in flight
        fake.ClearRequests();

        Assert.Equal(HttpStatusCode.OK, await AssistAsync(host, 102, newcomer.Id));
        Assert.Equal(HttpStatusCode.OK, await AssistAsync(host, 102, newcomer.Id));

        Assert.Equal(["GET /api/v2/agents/43000100099"], fake.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task AnIdThatIsNoAgentIsAskedAboutOnceAndThenRefusedWithoutACall()
    {
        await using var fake = await FakeFreshdesk.StartAsync(FakeFreshdeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartFreshdeskAsync(fake);
        var people = FreshdeskPeople.Of(fake.Data);
        Assert.Equal(HttpStatusCode.OK, await AssistAsync(host, 102, people.Agent));
        fake.ClearRequests();

        Assert.Equal(HttpStatusCode.Forbidden, await AssistAsync(host, 102, people.Contact));
        Assert.Equal(HttpStatusCode.Forbidden, await AssistAsync(host, 102, people.Contact));

        Assert.Equal([$"/api/v2/agents/{people.Contact}"], fake.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task ADeactivatedAgentIsForbidden()
    {
        var data = FakeFreshdeskData.LoadDemo();
        var people = FreshdeskPeople.Of(data);
        data.Agents.Single(a => a.Id == people.Lead).Active = false;
        await using var fake = await FakeFreshdesk.StartAsync(data);
        await using var host = await CopilotTestHost.StartFreshdeskAsync(fake);

        Assert.Equal(HttpStatusCode.Forbidden, await AssistAsync(host, 102, people.Lead));
        Assert.Equal(HttpStatusCode.OK, await AssistAsync(host, 102, people.Agent));
        Assert.Equal(0, Calls(fake, $"/api/v2/agents/{people.Lead}"));
    }

    [Fact]
    public async Task AHelpdeskThatCannotAnswerTheCheckIsAServiceProblemAndIsAskedAgainNextTime()
    {
        await using var fake = await FakeFreshdesk.StartAsync(FakeFreshdeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartFreshdeskAsync(fake, new Dictionary<string, string?>
        {
            ["Copilot:Freshdesk:MaxRetries"] = "0",
        });
        var people = FreshdeskPeople.Of(fake.Data);
        fake.Faults.Fail(500, times: 2);

        using (var failed = await host.Client.SendAsync(CopilotTestHost.FreshworksApp(HttpMethod.Get, "/api/tickets/102/assist", people.Agent)))
        {
            await Security.Problems.AssertAsync(failed, HttpStatusCode.BadGateway, "agents or roles answered 500");
        }

        Assert.Equal(HttpStatusCode.OK, await AssistAsync(host, 102, people.Agent));
    }

    [Fact]
    public async Task TheSharedSecretNeverReachesTheLogs()
    {
        var logs = new CapturedLogs();
        await using var fake = await FakeFreshdesk.StartAsync(FakeFreshdeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartFreshdeskAsync(fake, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
        }, b => b.WithLogging(logs));
        var people = FreshdeskPeople.Of(fake.Data);
        const string wrong = "a-wrong-secret-someone-tried-0123456789";

        Assert.Equal(HttpStatusCode.OK, await AssistAsync(host, 102, people.Agent));
        Assert.Equal(HttpStatusCode.Forbidden, await AssistAsync(host, 102, people.Contact));
        using (await host.Client.SendAsync(CopilotTestHost.FreshworksApp(HttpMethod.Get, "/api/tickets/102/assist", people.Agent, secret: wrong)))
        using (await host.Client.SendAsync(CopilotTestHost.FreshworksApp(HttpMethod.Get, "/api/tickets/102/assist", people.Agent, tenant: "nobody")))
        {
        }

        Assert.Contains(logs.Entries, e => e.Text.Contains("refused", StringComparison.Ordinal) && e.Text.Contains("wrong secret", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Text.Contains("not an active agent", StringComparison.Ordinal));
        foreach (var entry in logs.Entries)
        {
            foreach (var text in entry.Values.Prepend(entry.Text))
            {
                Assert.DoesNotContain(CopilotTestHost.SharedSecret, text, StringComparison.Ordinal);
                Assert.DoesNotContain(wrong, text, StringComparison.Ordinal);
                Assert.DoesNotContain(fake.Data.ApiKey, text, StringComparison.Ordinal);
            }
        }
    }
}
