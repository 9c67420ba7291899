using System.Net;
using System.Net.Http.Json;
using System.Text;
using Copilot.Api.Replays;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Replays;

/// <summary>Replays of a JSON Lines file: its known answers, and a file that does not read refused whole.</summary>
public sealed class ReplayJsonlTests
{
    [Fact]
    public async Task AReplayOfAJsonlFileUsesItsKnownAnswersAndCallsNoHelpdesk()
    {
        // The tenant's knowledge only: the solved tickets exist nowhere but in the file.
        var data = ReplayData.Zendesk();
        data.Tickets.Clear();
        await using var zendesk = await FakeZendesk.StartAsync(data);
        await using var host = await CopilotTestHost.StartAsync(zendesk, ReplayCalls.Settings);
        await ReplayCalls.SyncAsync(host);
        zendesk.ClearRequests();

        var id = await ReplayCalls.StartAsync(host, ReplayCalls.Base + "/jsonl?label=file", Ndjson(ReplayData.Jsonl()));
        await ReplayKnownAnswers.AssertAsync(host, id, billingGroup: "billing team", setupGroup: "setup team");
        Assert.Empty(zendesk.Requests);

        // The filter: one intent, a sample of one with a seed.
        var billing = await ReplayCalls.StartAsync(host, ReplayCalls.Base + "/jsonl?intent=billing&count=1&sample=true&seed=3", Ndjson(ReplayData.Jsonl()));
        var run = await ReplayCalls.WaitAsync(host, billing);
        Assert.Equal((ReplayStatus.Done, 1, 1), (run.Status, run.Done, run.Planned));
        Assert.Equal("billing", (await ReplayCalls.ReportAsync(host, billing)).Intents.Single().Name);

        // Two runs side by side.
        var compared = await ReplayCalls.GetAsync<Copilot.Api.Replays.Report.ComparisonReport>(host, $"{ReplayCalls.Base}/compare?before={id}&after={billing}");
        Assert.Equal((3, 1), (compared.Overall.Before!.Replayed, compared.Overall.After!.Replayed));
        Assert.Equal(["billing", "setup"], compared.Intents.Select(r => r.Name));
        Assert.Null(compared.Intents.Single(r => r.Name == "setup").After);
        Assert.Equal(2, (await ReplayCalls.GetAsync<List<ReplayRunDto>>(host, ReplayCalls.Base)).Count);
    }

    [Theory]
    [InlineData("{\"id\":\"1\",\"comments\":[{\"author\":\"customer\",\"text\":\"hi\"}]}\nnot json", "line 2")]
    [InlineData("{\"id\":\"1\",\"comments\":[{\"author\":\"bot\",\"text\":\"hi\"}]}", "line 1: a comment's author")]
    [InlineData("{\"comments\":[{\"author\":\"customer\",\"text\":\"hi\"}]}", "line 1: id is required")]
    [InlineData("", "no ticket")]
    public async Task AFileWithALineThatDoesNotReadIsRefusedAndStartsNothing(string body, string problem)
    {
        await using var zendesk = await FakeZendesk.StartAsync(new FakeZendeskData());
        await using var host = await CopilotTestHost.StartAsync(zendesk);
        using var request = CopilotTestHost.Admin(HttpMethod.Post, ReplayCalls.Base + "/jsonl", Ndjson(body));
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM replay_runs"));
    }

    [Theory]
    [InlineData("{\"source\":\"ftp\"}", "source")]
    [InlineData("{\"count\":0}", "count")]
    [InlineData("{\"sample\":true}", "count")]
    [InlineData("{\"seed\":4}", "seed")]
    [InlineData("{\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\"}", "to")]
    [InlineData("{\"source\":\"jsonl\"}", "source")]
    [InlineData("{\"from\":\"0001-01-01T00:00:00Z\",\"to\":\"9999-12-31T23:59:59Z\",\"count\":1}", "from")]
    [InlineData("{\"to\":\"1969-12-31T00:00:00Z\"}", "to")]
    public async Task ABadRequestIsAProblemAndStartsNothing(string json, string field)
    {
        await using var zendesk = await FakeZendesk.StartAsync(new FakeZendeskData());
        await using var host = await CopilotTestHost.StartAsync(zendesk);
        using var request = CopilotTestHost.Admin(HttpMethod.Post, ReplayCalls.Base, new StringContent(json, Encoding.UTF8, "application/json"));
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), json);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM replay_runs"));
    }

    [Fact]
    public async Task AnotherTenantsRunIsNotFoundAndAnUnknownTenantIsAProblem()
    {
        await using var zendesk = await FakeZendesk.StartAsync(new FakeZendeskData());
        await using var host = await CopilotTestHost.StartAsync(zendesk);
        var id = await ReplayCalls.StartAsync(host, ReplayCalls.Base + "/jsonl", Ndjson(ReplayData.Jsonl()));
        await ReplayCalls.WaitAsync(host, id);
        foreach (var path in new[] { $"/api/admin/tenants/{CopilotTestHost.OtherTenantId}/replays/{id}", $"/api/admin/tenants/{CopilotTestHost.OtherTenantId}/replays/{id}/report.html",
            $"/api/admin/tenants/nobody/replays" })
        {
            using var request = CopilotTestHost.Admin(HttpMethod.Get, path);
            using var response = await host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using var anonymous = await host.Client.GetAsync($"{ReplayCalls.Base}/{id}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static StringContent Ndjson(string body) => new(body, Encoding.UTF8, "application/x-ndjson");
}
