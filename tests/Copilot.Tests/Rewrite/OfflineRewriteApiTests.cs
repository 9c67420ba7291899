using System.Net;
using System.Text.Json.Nodes;
using Copilot.Api.Rewrite.Offline;
using Copilot.Fakes.OpenAI;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.ModelFeatures;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Rewrite;

/// <summary>
/// <c>POST /api/rewrite</c> answered by the offline provider: tenant "other" has no model, tenant
/// "acme" has one that the tests make fail, tenant "fragile" has a breaker that opens after two failures.
/// </summary>
public sealed class OfflineRewriteApiTests(ModelTenantFixture fixture) : IClassFixture<ModelTenantFixture>
{
    private const string Offline = CopilotTestHost.OtherTenantId;

    private const string AgentReply =
        "hi {{ticket.requester.first_name}},\n\nThanks for reaching out!! I just wanted to let you know that the replacement hub for order #48213 shipped on 2026-11-20 😊. " +
        "Track it at https://track.lumora-home.example/LUM-48213?ref=mail and we'll refund you if it doesnt arrive by friday. " +
        "As mentioned before, the old hub can go back within 30 days to returns@lumora-home.example. I hope this helps. We are sorry for the trouble. Have a great day!\n\ncheers,\nTom";

    private static readonly string[] MustSurvive =
    [
        "{{ticket.requester.first_name}}", "#48213", "2026-11-20", "https://track.lumora-home.example/LUM-48213?ref=mail", "returns@lumora-home.example", "30",
    ];

    private async Task<(HttpStatusCode Status, JsonNode Body)> RewriteAsync(object body, string tenant = Offline) =>
        await fixture.PostAsync("/api/rewrite", body, tenant);

    [Theory]
    [InlineData("fix-grammar", "Hi {{ticket.requester.first_name}},", "if it doesn't arrive by Friday.")]
    [InlineData("shorten", "Thanks for reaching out!! The replacement hub for order #48213", "The old hub can go back within 30 days")]
    [InlineData("friendlier", "We're sorry for the trouble.", "we'll refund you")]
    [InlineData("more-formal", "Dear {{ticket.requester.first_name}},", "on 2026-11-20. Track it")]
    [InlineData("expand", "hi {{ticket.requester.first_name}},", "cheers,\nTom")]
    public async Task EachActionWorksOfflineAndKeepsEveryFact(string action, string expected, string alsoExpected)
    {
        var (status, body) = await RewriteAsync(new { action, text = AgentReply });

        Assert.Equal(HttpStatusCode.OK, status);
        var text = body["text"]!.GetValue<string>();
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains(alsoExpected, text, StringComparison.Ordinal);
        Assert.All(MustSurvive, kept => Assert.Contains(kept, text, StringComparison.Ordinal));
        Assert.Empty(body["flags"]!.AsArray());
        Assert.Equal("offline", body["provider"]!["name"]!.GetValue<string>());
        Assert.True(body["provider"]!["offline"]!.GetValue<bool>());
        Assert.False(body["provider"]!["modelAvailable"]!.GetValue<bool>());
        Assert.Null(body["usage"]);
        Assert.False(string.IsNullOrEmpty(body["note"]!.GetValue<string>()));
        var changed = body["changed"]!.GetValue<bool>();
        Assert.Equal(changed, text != AgentReply);
        Assert.Equal(changed, body["edits"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task ShortenDropsTheExtraPleasantryAndMoreFormalTheEmoji()
    {
        var (_, shorter) = await RewriteAsync(new { action = "shorten", text = AgentReply });
        var (_, formal) = await RewriteAsync(new { action = "more-formal", text = AgentReply });

        Assert.DoesNotContain("I hope this helps.", shorter["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Have a great day!", shorter["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("😊", formal["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("Have a great day!\n\nKind regards,\nTom", formal["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpandInGermanAddsTheGermanGreetingAndClosingOnly()
    {
        var (_, body) = await RewriteAsync(new { action = "expand", text = "Bitte starten Sie den Hub neu und warten Sie 30 Sekunden. Die Anleitung finden Sie unter https://help.example/de/hub" });

        Assert.Equal("Hallo,\n\nBitte starten Sie den Hub neu und warten Sie 30 Sekunden. Die Anleitung finden Sie unter https://help.example/de/hub\n\nViele Grüße",
            body["text"]!.GetValue<string>());
        Assert.Contains("cannot add explanations", body["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfflineRewriteIsRecordedAsARewriteSuggestionWithoutUsage()
    {
        var (_, body) = await RewriteAsync(new { action = "fix-grammar", text = "i recieved teh invoice 2026-0042", ticketId = 126 });
        var id = body["suggestionId"]!.GetValue<string>();

        await using var connection = new SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, ticket_id, rewrite_action, text, provider, model, prompt_version, tokens_in, cost_usd, intent FROM suggestions WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal("rewrite", row.GetString(0));
        Assert.Equal(126, row.GetInt64(1));
        Assert.Equal("fix-grammar", row.GetString(2));
        Assert.Equal("I received the invoice 2026-0042.", row.GetString(3));
        Assert.Equal("offline", row.GetString(4));
        Assert.True(row.IsDBNull(5));
        Assert.Equal(OfflineRewriter.PromptVersion, row.GetString(6));
        Assert.True(row.IsDBNull(7));
        Assert.True(row.IsDBNull(8));
        // The action has its own column: intent is the ticket's intent only.
        Assert.True(row.IsDBNull(9) || row.GetString(9) != "fix-grammar");
    }

    [Fact]
    public async Task NothingToChangeSaysSoAndRecordsNoSuggestion()
    {
        var (status, body) = await RewriteAsync(new { action = "fix-grammar", text = "Your order 4821 ships today." });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body["changed"]!.GetValue<bool>());
        Assert.Equal("Your order 4821 ships today.", body["text"]!.GetValue<string>());
        Assert.Null(body["suggestionId"]);
        Assert.Empty(body["edits"]!.AsArray());
        Assert.StartsWith(OfflineRewriter.NothingToChange, body["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineTranslateLeavesTheTextUnchangedAndSaysWhy()
    {
        const string text = "Your order 4821 ships today: https://track.example/4821";

        var (status, body) = await RewriteAsync(new { action = "translate", text, language = "de" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(text, body["text"]!.GetValue<string>());
        Assert.False(body["changed"]!.GetValue<bool>());
        Assert.Equal("Translation needs a model; the offline provider left the text unchanged.", body["note"]!.GetValue<string>());
        Assert.Null(body["suggestionId"]);
    }

    [Fact]
    public async Task FriendlierGreetsTheRequesterOfTheTicketWhoseAssistIsOpen()
    {
        fixture.Reset();
        var ticket = fixture.AddTicket("Hub offline", "My hub keeps dropping offline since yesterday.");
        using (var assist = await fixture.Client.SendAsync(ModelTenantFixture.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist", tenant: Offline)))
        {
            assist.EnsureSuccessStatusCode();
        }

        var (_, body) = await RewriteAsync(new { action = "friendlier", text = "Please restart the hub and wait 30 seconds.", ticketId = ticket });

        Assert.StartsWith("Hi Olivia,\n\nPlease restart the hub and wait 30 seconds.", body["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranslateFallsBackUnchangedWhenTheModelIsDown()
    {
        fixture.Reset();
        fixture.Model.Inject(FakeFault.ServerError(500), 2);

        var (status, body) = await RewriteAsync(new { action = "translate", text = "Your order ships today.", language = "fr" }, CopilotTestHost.TenantId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Your order ships today.", body["text"]!.GetValue<string>());
        Assert.Equal(OfflineRewriter.TranslateNote, body["note"]!.GetValue<string>());
        Assert.False(body["provider"]!["modelAvailable"]!.GetValue<bool>());
        Assert.Contains("error 500", body["provider"]!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOpenBreakerSkipsTheModelAndTheOfflineRewriteAnswers()
    {
        fixture.Reset();
        fixture.Model.Inject(FakeFault.ServerError(500), 2);
        var (_, first) = await RewriteAsync(new { action = "more-formal", text = "Thanks!! We'll fix it ASAP." }, ModelTenantFixture.FragileTenant);
        Assert.False(first["provider"]!["modelAvailable"]!.GetValue<bool>());
        var calls = fixture.Model.Requests.Count;

        var (status, second) = await RewriteAsync(new { action = "more-formal", text = "Thanks!! We'll fix it ASAP." }, ModelTenantFixture.FragileTenant);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(calls, fixture.Model.Requests.Count);
        Assert.Contains("paused", second["provider"]!["detail"]!.GetValue<string>());
        Assert.Equal("Thank you! We will fix it as soon as possible.", second["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"action":"sing","text":"hello"}""", "action")]
    [InlineData("""{"action":"shorten","text":"   "}""", "text")]
    [InlineData("""{"action":"translate","text":"hello","language":"<script>"}""", "language")]
    public async Task BadInputIsStillAProblemWithoutAModel(string json, string field)
    {
        using var request = ModelTenantFixture.Sidebar(HttpMethod.Post, "/api/rewrite", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Offline);
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![field]);
    }
}
