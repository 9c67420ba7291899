using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.Sidebar;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Functional;

/// <summary>
/// The copilot on the fake Zendesk (Lumora Home) with a built-app folder, so sessions start as in
/// Zendesk: the fake signs a load, the backend verifies it and checks the user with the helpdesk.
/// </summary>
public sealed class SidebarIdentityFixture : IAsyncLifetime
{
    private string _appDir = "";

    public FakeZendesk Zendesk { get; private set; } = null!;
    public CopilotTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        _appDir = Directory.CreateTempSubdirectory("copilot-identity-app-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_appDir, "sidebar.html"), """<html><head><meta name="copilot-session" content="%COPILOT_SESSION%"></head></html>""");
        Host = await CopilotTestHost.StartAsync(Zendesk, new Dictionary<string, string?> { ["Sidebar:AppDirectory"] = _appDir });
        using var sync = CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true");
        using var response = await Host.Client.SendAsync(sync);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A session as the app receives it after Zendesk's signed load for <paramref name="userId"/>.</summary>
    public async Task<string> SessionForAsync(long userId)
    {
        using var response = await Host.Client.PostAsync("/sidebar/", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Zendesk.SignLoad(userId) }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = SidebarTestHost.SessionOf(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(session));
        return session;
    }

    public async Task<string?> ScalarAsync(string sql, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Zendesk.DisposeAsync();
        try { Directory.Delete(_appDir, recursive: true); } catch (IOException) { }
    }
}

public class SidebarIdentityTests(SidebarIdentityFixture fixture) : IClassFixture<SidebarIdentityFixture>
{
    private const long Tomas = 2001, Priya = 2003;

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string bearer, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await fixture.Host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> DraftIdAsync(long ticket, string bearer) =>
        (await SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/draft", bearer)).GetProperty("suggestionId").GetString()!;

    [Fact]
    public async Task ASessionFromASignedLoadRecordsItsAgentOnDraftsAndFeedback()
    {
        var session = await fixture.SessionForAsync(Priya);
        var id = await DraftIdAsync(126, session);
        var eventId = Guid.NewGuid().ToString();

        await SendAsync(HttpMethod.Post, $"/api/suggestions/{id}/feedback", session, new { eventId, outcome = "accepted" });

        Assert.Equal("2003", await fixture.ScalarAsync("SELECT agent_id FROM suggestions WHERE id = $id", id));
        Assert.Equal("2003", await fixture.ScalarAsync("SELECT agent_id FROM feedback WHERE event_id = $id", eventId));
    }

    [Fact]
    public async Task AnAgentCannotRecordFeedbackAsAnotherAgent()
    {
        var session = await fixture.SessionForAsync(Tomas);
        var id = await DraftIdAsync(132, session);
        var eventId = Guid.NewGuid().ToString();

        // Whatever the browser adds to the body, the session decides who gave the feedback.
        await SendAsync(HttpMethod.Post, $"/api/suggestions/{id}/feedback", session, new { eventId, outcome = "accepted", agentId = "2003", agent = "2003", sub = "2003" });

        Assert.Equal("2001", await fixture.ScalarAsync("SELECT agent_id FROM feedback WHERE event_id = $id", eventId));
    }

    [Fact]
    public async Task AProxySignedTokenNamingAnotherAgentRecordsNoAgent()
    {
        var id = await DraftIdAsync(118, await fixture.SessionForAsync(Tomas));
        var eventId = Guid.NewGuid().ToString();
        var proxy = CopilotTestHost.MintToken(agent: "2003");

        await SendAsync(HttpMethod.Post, $"/api/suggestions/{id}/feedback", proxy, new { eventId, outcome = "rejected", reason = "wrong-tone" });

        Assert.Null(await fixture.ScalarAsync("SELECT agent_id FROM feedback WHERE event_id = $id", eventId));
        Assert.Equal("2001", await fixture.ScalarAsync("SELECT agent_id FROM suggestions WHERE id = $id", id));
    }

    [Fact]
    public async Task EachAgentsDisplayOfOneAssistIsRecordedOnceUnderThatAgent()
    {
        var (tomas, priya) = (await fixture.SessionForAsync(Tomas), await fixture.SessionForAsync(Priya));
        var assist = await SendAsync(HttpMethod.Get, "/api/tickets/127/assist", tomas);
        var path = $"/api/tickets/127/assist/{assist.GetProperty("assistId").GetString()}/shown";

        var his = (await SendAsync(HttpMethod.Post, path, tomas, new { kinds = new[] { "summary" } })).GetProperty("summary").GetString()!;
        var again = (await SendAsync(HttpMethod.Post, path, tomas, new { kinds = new[] { "summary" } })).GetProperty("summary").GetString()!;
        var hers = (await SendAsync(HttpMethod.Post, path, priya, new { kinds = new[] { "summary" } })).GetProperty("summary").GetString()!;

        Assert.Equal(his, again);
        Assert.NotEqual(his, hers);
        Assert.Equal("2001", await fixture.ScalarAsync("SELECT agent_id FROM suggestions WHERE id = $id", his));
        Assert.Equal("2003", await fixture.ScalarAsync("SELECT agent_id FROM suggestions WHERE id = $id", hers));
    }

    [Fact]
    public async Task TheFakeZendesksSignedLoadForACustomerStartsNoSession()
    {
        var customer = fixture.Zendesk.Data.Users.First(u => u.Role == "end-user").Id;
        using var response = await fixture.Host.Client.PostAsync("/sidebar/", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = fixture.Zendesk.SignLoad(customer) }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
