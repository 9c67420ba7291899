using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Procedures;

/// <summary>
/// Which procedure a ticket is shown, over HTTP against the fake Zendesk (tenant "acme", Lumora Home, offline with the
/// built-in embedding model): by the ticket's intent, by the thread's similarity when no procedure is written for its
/// intent, nothing when none is close; shown is recorded once by the display report; the offline draft follows it; and
/// per-procedure analytics count what happened under it. Each test uses its own procedures (intents of its own).
/// </summary>
public sealed class ProcedureMatchingTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    [Fact]
    public async Task AProcedureOfNoIntentOfTheTicketIsShownOnlyWhenTheThreadIsCloseToIt()
    {
        await PutAsync("vat-invoice", new { intent = "zz-invoices", title = "Invoice with company name and VAT ID", steps = "1. Ask for the company's legal name and VAT ID.\n2. Reissue the invoice." });

        var before = await AssistAsync(127);
        Assert.Empty(before.GetProperty("procedures").EnumerateArray());

        await PutAsync("dead-bulb", new { intent = "zz-hardware", title = "Bulb dead or not turning on", steps = "1. Ask for a photo of the bulb and its label.\n2. Offer a replacement bulb." });
        var after = await AssistAsync(127);

        var shown = Assert.Single(after.GetProperty("procedures").EnumerateArray());
        Assert.Equal(("dead-bulb", "similarity"), (shown.GetProperty("id").GetString(), shown.GetProperty("matchedBy").GetString()));
        Assert.InRange(shown.GetProperty("score").GetDouble(), 0.01, 1);
        await RetireAsync("vat-invoice", "dead-bulb");
    }

    [Fact]
    public async Task WhenSeveralProceduresShareTheTicketsIntentTheClosestIsShown()
    {
        var intent = await IntentOfAsync(128);
        await PutAsync("strip-adhesive", new { intent, title = "Light strip falling off", steps = "1. Ask where the strip is mounted.\n2. Send new adhesive clips." });
        await PutAsync("app-login", new { intent, title = "Cannot log in to the app", steps = "1. Ask for the account email.\n2. Send a password reset link." });

        var assist = await AssistAsync(128);

        var shown = Assert.Single(assist.GetProperty("procedures").EnumerateArray());
        Assert.Equal(("strip-adhesive", "similarity"), (shown.GetProperty("id").GetString(), shown.GetProperty("matchedBy").GetString()));
        await RetireAsync("strip-adhesive", "app-login");
    }

    [Fact]
    public async Task ProceduresWithTheSameStepsAreToldApartByTheWordTheirTitlesDifferBy()
    {
        // The same steps word for word; the titles differ by one word, which ticket 128 says ("under my kitchen wall cabinets").
        // The bathroom one sorts first, so a tie would show it.
        var intent = await IntentOfAsync(128);
        const string steps = "1. Ask where the strip is mounted and for a photo of it.\n2. Send new adhesive clips.";
        await PutAsync("strip-bathroom", new { intent, title = "Light strip falling off in the bathroom", steps });
        await PutAsync("strip-kitchen", new { intent, title = "Light strip falling off in the kitchen", steps });

        var assist = await AssistAsync(128);

        var shown = Assert.Single(assist.GetProperty("procedures").EnumerateArray());
        Assert.Equal(("strip-kitchen", "similarity"), (shown.GetProperty("id").GetString(), shown.GetProperty("matchedBy").GetString()));
        await RetireAsync("strip-bathroom", "strip-kitchen");
    }

    [Fact]
    public async Task TwoProceduresTheThreadIsEquallyCloseToAreAGuessAndNeitherIsShown()
    {
        const string Title = "Bulb dead or not turning on";
        const string Steps = "1. Ask for a photo of the bulb and its label.\n2. Offer a replacement bulb.";
        await PutAsync("dead-bulb-store", new { intent = "zz-store-hardware", title = Title, steps = Steps });
        await PutAsync("dead-bulb-web", new { intent = "zz-web-hardware", title = Title, steps = Steps });

        var tied = await AssistAsync(127);
        await RetireAsync("dead-bulb-web");
        var alone = await AssistAsync(127);

        Assert.Empty(tied.GetProperty("procedures").EnumerateArray());
        Assert.Equal("dead-bulb-store", Assert.Single(alone.GetProperty("procedures").EnumerateArray()).GetProperty("id").GetString());
        await RetireAsync("dead-bulb-store");
    }

    [Fact]
    public async Task TheShownProcedureIsRecordedOnceByTheDisplayReportAndTheOfflineDraftFollowsAndCitesIt()
    {
        // Ticket 127 as it stood when a reply was due: its first message only (the whole thread ends with the customer's thanks).
        var ticket = AwaitingAReply(127);
        var intent = await IntentOfAsync(ticket);
        await PutAsync("bulb-photo", new { intent, title = "Dead bulb", steps = "1. Ask for a photo of the bulb and its label.\n2. If the order is older than 24 months, escalate to Tier 2.\n3. Otherwise route the ticket to the Hardware queue." });
        var assist = await AssistAsync(ticket);
        Assert.Equal("intent", Assert.Single(assist.GetProperty("procedures").EnumerateArray()).GetProperty("matchedBy").GetString());
        var countBefore = await fixture.Host.ScalarAsync("SELECT COUNT(*) FROM suggestions WHERE kind = 'procedure'");

        var (first, ids) = await AssistDisplay.ReportAsync(fixture.Client, ticket, assist.GetProperty("assistId").GetString()!, ["summary", "procedure"]);
        var (again, idsAgain) = await AssistDisplay.ReportAsync(fixture.Client, ticket, assist.GetProperty("assistId").GetString()!, ["procedure"]);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first, again));
        var shownId = ids.GetProperty("procedure").GetString()!;
        Assert.Equal(shownId, idsAgain.GetProperty("procedure").GetString());
        Assert.Equal(countBefore + 1, await fixture.Host.ScalarAsync("SELECT COUNT(*) FROM suggestions WHERE kind = 'procedure'"));
        Assert.Equal("bulb-photo@1", await fixture.Host.ScalarTextAsync($"SELECT procedure_id || '@' || procedure_version FROM suggestions WHERE id = '{shownId}'"));

        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/draft", JsonContent.Create(new { agentName = "Sam" })));
        response.EnsureSuccessStatusCode();
        var draft = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var text = draft.GetProperty("text").GetString()!;
        Assert.True(text.Contains("- a photo of the bulb and its label", StringComparison.Ordinal), text);
        Assert.DoesNotContain("Ask for", text);
        Assert.DoesNotContain("Tier 2", text);
        Assert.DoesNotContain("Hardware queue", text);
        Assert.Equal("bulb-photo", Assert.Single(draft.GetProperty("procedures").EnumerateArray()).GetProperty("id").GetString());
        var draftId = draft.GetProperty("suggestionId").GetString()!;
        Assert.Equal("bulb-photo@1", await fixture.Host.ScalarTextAsync($"SELECT procedure_id || '@' || procedure_version FROM suggestions WHERE id = '{draftId}'"));

        using var feedback = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{draftId}/feedback",
            JsonContent.Create(new { eventId = "ev-bulb-photo-1", outcome = "edited", finalText = text + " Thanks!" })));
        feedback.EnsureSuccessStatusCode();
        using var analytics = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/analytics?days=7"));
        analytics.EnsureSuccessStatusCode();
        var row = JsonDocument.Parse(await analytics.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "bulb-photo");
        Assert.Equal((1, 1, 0, 1, 0, 0), (row.GetProperty("shown").GetInt64(), row.GetProperty("drafts").GetInt64(), row.GetProperty("draftsAccepted").GetInt64(),
            row.GetProperty("draftsEdited").GetInt64(), row.GetProperty("actionsApproved").GetInt64(), row.GetProperty("actionsDeclined").GetInt64()));

        // The dashboard's route: the same figures for an analytics period; a period that ended before them counts none.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = await ProcedureFiguresAsync($"from={today.AddDays(-6):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        var dashboardRow = period.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "bulb-photo");
        Assert.Equal(row.ToString(), dashboardRow.ToString());
        var before = await ProcedureFiguresAsync($"from={today.AddDays(-30):yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}");
        var none = before.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "bulb-photo");
        Assert.Equal((0, 0), (none.GetProperty("shown").GetInt64(), none.GetProperty("drafts").GetInt64()));
        await RetireAsync("bulb-photo");
    }

    [Fact]
    public async Task AnalyticsOverABadPeriodAre400()
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/analytics?days=0"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var query in new[] { "from=2026-13-01", "from=2026-11-10&to=2026-11-01", $"tenant=nobody-{Guid.NewGuid():N}" })
        {
            using var bad = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, $"/api/analytics/procedures?{query}{(query.StartsWith("tenant", StringComparison.Ordinal) ? "" : "&tenant=" + CopilotTestHost.TenantId)}"));
            Assert.True(bad.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{query}: {bad.StatusCode}");
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<JsonElement> ProcedureFiguresAsync(string period)
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, $"/api/analytics/procedures?{period}&tenant={CopilotTestHost.TenantId}"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<string> IntentOfAsync(long ticket)
    {
        var assist = await AssistAsync(ticket);
        await AssistDisplay.ReportAsync(fixture.Client, ticket, assist.GetProperty("assistId").GetString()!, ["summary"]);
        return await fixture.Host.ScalarTextAsync($"SELECT intent FROM suggestions WHERE ticket_id = {ticket} AND kind = 'summary' ORDER BY created_at DESC LIMIT 1") ?? "";
    }

    /// <summary>A new ticket holding only the first message of <paramref name="source"/>: a thread waiting for our answer.</summary>
    private long AwaitingAReply(long source)
    {
        var from = fixture.Zendesk.Data.FindTicket(source)!;
        var id = 9000 + source;
        fixture.Zendesk.Data.AddTicket(new FakeTicket
        {
            Id = id, Subject = from.Subject, Status = "open", RequesterId = from.RequesterId, CreatedAt = from.CreatedAt, UpdatedAt = from.CreatedAt,
            Comments = [new FakeComment { Id = id * 100 + 1, AuthorId = from.Comments[0].AuthorId, CreatedAt = from.CreatedAt, HtmlBody = from.Comments[0].HtmlBody }],
        });
        return id;
    }

    private Task<JsonElement> AssistAsync(long ticket) => fixture.GetJsonAsync<JsonElement>($"/api/tickets/{ticket}/assist?refresh=true");

    private async Task PutAsync(string id, object body)
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Put, $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/{id}", JsonContent.Create(body)));
        response.EnsureSuccessStatusCode();
    }

    private async Task RetireAsync(params string[] ids)
    {
        foreach (var id in ids)
        {
            using var response = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Delete, $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/{id}"));
            response.EnsureSuccessStatusCode();
        }
    }
}
