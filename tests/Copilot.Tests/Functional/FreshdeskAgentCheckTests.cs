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
    /// <summary>A fake Freshdesk with its own copilot host.</summary>
    private sealed record Account(FakeFreshdesk Fake, CopilotTestHost Host, FreshdeskPeople People) : IAsyncDisposable
    {
        /// <param name="prepare">Changes the demo account before it serves, knowing who is who in it as loaded.</param>
        public static async Task<Account> StartAsync(
            Action<FakeFreshdeskData, FreshdeskPeople>? prepare = null, IDictionary<string, string?>? settings = null, Action<TestHostBuilder>? configure = null)
        {
            var data = FakeFreshdeskData.LoadDemo();
            var people = FreshdeskPeople.Of(data);
            prepare?.Invoke(data, people);
            var fake = await FakeFreshdesk.StartAsync(data);
            return new Account(fake, await CopilotTestHost.StartFreshdeskAsync(fake, settings, configure), people);
        }

        public async Task<HttpStatusCode> AssistAsync(long ticket, long agent, string secret = CopilotTestHost.SharedSecret, string tenant = CopilotTestHost.TenantId)
        {
            using var response = await Host.Client.SendAsync(CopilotTestHost.FreshworksApp(HttpMethod.Get, $"/api/tickets/{ticket}/assist", agent, secret: secret, tenant: tenant));
            return response.StatusCode;
        }

        public int Calls(string path) => Fake.Requests.Count(r => r.Path == path);

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Fake.DisposeAsync();
        }
    }

    [Fact]
    public async Task OpeningATicketAgainMakesNoHelpdeskCallAtAll()
    {
        await using var account = await Account.StartAsync();
        var (fake, people) = (account.Fake, account.People);

        Assert.Equal(HttpStatusCode.OK, await account.AssistAsync(102, people.Agent));
        // Cold: the account's agents and roles once, then the ticket and its conversations.
        Assert.Equal(4, fake.Requests.Count);
        Assert.Equal(1, account.Calls("/api/v2/agents"));
        Assert.Equal(1, account.Calls("/api/v2/roles"));
        fake.ClearRequests();

        Assert.Equal(HttpStatusCode.OK, await account.AssistAsync(102, people.Agent));
        Assert.Equal(HttpStatusCode.OK, await account.AssistAsync(102, people.Lead));

        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task AnAgentAddedAfterTheAgentsWereReadGetsInForOneCall()
    {
        await using var account = await Account.StartAsync();
        var (fake, people) = (account.Fake, account.People);
        Assert.Equal(HttpStatusCode.OK, await account.AssistAsync(102, people.Agent));
        var newcomer = new FakeFdAgent { Id = 43000100099, Name = "Noor Bakker", Email = "noor@spokewise.example", RoleIds = [.. fake.Data.Agents.Single(a => a.Id == people.Agent).RoleIds] };
        fake.Data.Agents.Add(newcomer); // no request is in flight
        fake.ClearRequests();

        Assert.Equal(HttpStatusCode.OK, await account.AssistAsync(102, newcomer.Id));
        Assert.Equal(HttpStatusCode.OK, await account.AssistAsync(102, newcomer.Id));

        Assert.Equal(["GET /api/v2/agents/43000100099"], fake.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task AnIdThatIsNoAgentIsAskedAboutOnceAndThenRefusedWithoutACall()
    {
        await using var account = await Account.StartAsync();
        var (fake, people) = (account.Fake, account.People);
        Assert.Equal(HttpStatusCode.OK, await account.AssistAsync(102, people.Agent));
        fake.ClearRequests();

        Assert.Equal(HttpStatusCode.Forbidden, await account.AssistAsync(102, people.Contact));
        Assert.Equal(HttpStatusCode.Forbidden, await account.AssistAsync(102, people.Contact));

        Assert.Equal([$"/api/v2/agents/{people.Contact}"], fake.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task ADeactivatedAgentIsForbidden()
    {
        await using var account = await Account.StartAsync((data, people) => data.Agents.Single(a => a.Id == people.Lead).Active = false);
        var people = account.People;

        Assert.Equal(HttpStatusCode.Forbidden, await account.AssistAsync(102, people.Lead));
        Assert.Equal(HttpStatusCode.OK, await account.AssistAsync(102, people.Agent));
        Assert.Equal(0, account.Calls($"/api/v2/agents/{people.Lead}"));
    }

    [Fact]
    public async Task AHelpdeskThatCannotAnswerTheCheckIsAServiceProblemAndIsAskedAgainNextTime()
    {
        await using var account = await Account.StartAsync(settings: new Dictionary<string, string?> { ["Copilot:Freshdesk:MaxRetries"] = "0" });
        account.Fake.Faults.Fail(500, times: 2);

        using (var failed = await account.Host.Client.SendAsync(CopilotTestHost.FreshworksApp(HttpMethod.Get, "/api/tickets/102/assist", account.People.Agent)))
        {
            await Security.Problems.AssertAsync(failed, HttpStatusCode.BadGateway, "agents or roles answered 500");
        }

        Assert.Equal(HttpStatusCode.OK, await account.AssistAsync(102, account.People.Agent));
    }

    [Fact]
    public async Task TheSharedSecretNeverReachesTheLogs()
    {
        var logs = new CapturedLogs();
        await using var account = await Account.StartAsync(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            configure: b => b.WithLogging(logs));
        var people = account.People;
        const string wrong = "a-wrong-secret-someone-tried-0123456789";

        Assert.Equal(HttpStatusCode.OK, await account.AssistAsync(102, people.Agent));
        Assert.Equal(HttpStatusCode.Forbidden, await account.AssistAsync(102, people.Contact));
        Assert.Equal(HttpStatusCode.Unauthorized, await account.AssistAsync(102, people.Agent, secret: wrong));
        Assert.Equal(HttpStatusCode.Unauthorized, await account.AssistAsync(102, people.Agent, tenant: "nobody"));

        Assert.Contains(logs.Entries, e => e.Text.Contains("refused", StringComparison.Ordinal) && e.Text.Contains("wrong secret", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Text.Contains("not an active agent", StringComparison.Ordinal));
        foreach (var entry in logs.Entries)
        {
            foreach (var text in entry.Values.Prepend(entry.Text))
            {
                Assert.DoesNotContain(CopilotTestHost.SharedSecret, text, StringComparison.Ordinal);
                Assert.DoesNotContain(wrong, text, StringComparison.Ordinal);
                Assert.DoesNotContain(account.Fake.Data.ApiKey, text, StringComparison.Ordinal);
            }
        }
    }
}
