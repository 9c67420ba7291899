using System.Net;
using System.Text.Json.Nodes;
using Copilot.Fakes.OpenAI;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.ModelFeatures;

public sealed class ModelFeatureTests(ModelTenantFixture fixture) : IClassFixture<ModelTenantFixture>
{
    private async Task<JsonNode> AssistAsync(long ticket, long? latest = null)
    {
        var path = $"/api/tickets/{ticket}/assist" + (latest is { } l ? $"?latestCommentId={l}" : "");
        using var response = await fixture.Client.SendAsync(ModelTenantFixture.Sidebar(HttpMethod.Get, path));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task TheModelWritesTheSummaryAndItIsReusedUntilTheThreadChanges()
    {
        fixture.Reset();
        var ticket = fixture.AddTicket("Trial question", "If I cancel the Lumora Plus trial before it ends, am I charged?");

        var first = await AssistAsync(ticket);
        Assert.Equal("To know whether the trial costs anything.", first["summary"]!["customerWants"]!.GetValue<string>());
        Assert.True(first["provider"]!["modelAvailable"]!.GetValue<bool>());
        Assert.Single(fixture.SchemaCalls("ticket_summary"));

        var again = await AssistAsync(ticket, first["latestCommentId"]!.GetValue<long>());
        Assert.True(again["cached"]!.GetValue<bool>());
        Assert.Single(fixture.SchemaCalls("ticket_summary"));

        var comment = fixture.Zendesk.Data.AddComment(ticket, 1016, "<p>Also, do my automations survive?</p>");
        var changed = await AssistAsync(ticket, comment.Id);
        Assert.False(changed["cached"]!.GetValue<bool>());
        Assert.Equal(2, fixture.SchemaCalls("ticket_summary").Count);
    }

    [Fact]
    public async Task TriageAnswersWithTheTenantsIntentsAsAStrictSchema()
    {
        fixture.Reset();
        var (status, body) = await fixture.PostAsync("/api/tickets/132/triage");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("billing", body["intent"]!["value"]!.GetValue<string>());
        Assert.Equal(0.9, body["intent"]!["confidence"]!.GetValue<double>());
        Assert.Equal("normal", body["priority"]!["value"]!.GetValue<string>());
        Assert.True(body["provider"]!["modelAvailable"]!.GetValue<bool>());
        var format = fixture.SchemaCalls("ticket_triage").Single().Json!["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        var allowed = format["json_schema"]!["schema"]!["properties"]!["intent"]!["properties"]!["value"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal([.. ModelTenantFixture.Intents, "other"], allowed);
    }

    [Fact]
    public async Task SummaryAndTriageSuggestionsAreAuditedWithTokensCostAndTimings()
    {
        fixture.Reset();
        var ticket = fixture.AddTicket("Trial question", "If I cancel the Lumora Plus trial before it ends, am I charged?");
        await fixture.ShowAssistAsync(ticket);
        var (_, triage) = await fixture.PostAsync($"/api/tickets/{ticket}/triage");

        var summary = await AuditRow.LatestAsync(fixture.Host.DatabasePath, ticket, "summary");
        var triaged = await AuditRow.ByIdAsync(fixture.Host.DatabasePath, triage["suggestionId"]!.GetValue<string>());

        Assert.Equal("triage", triaged.Kind);
        foreach (var row in new[] { summary, triaged })
        {
            Assert.Equal("azure-openai", row.Provider);
            Assert.Equal(ModelTenantFixture.Deployment, row.Model);
            // The fake model's structured answers report 500 tokens in and 60 out.
            Assert.Equal(500, row.TokensIn);
            Assert.Equal(60, row.TokensOut);
            Assert.Equal(row.ExpectedCost, row.Cost!.Value, 9);
            Assert.Equal(0.00185, row.Cost.Value, 9);
            Assert.Equal("USD", row.Currency);
            Assert.InRange(row.FirstTokenMs!.Value, double.Epsilon, row.TotalMs!.Value);
        }
        Assert.Equal("summary.v1", summary.PromptVersion);
        Assert.Equal("triage.v1", triaged.PromptVersion);
    }

    [Fact]
    public async Task ATriageAnswerOutsideTheSchemaIsNotTrusted()
    {
        fixture.Reset();
        fixture.Model.Responder = r => ModelReplies.SchemaName(r) == "ticket_triage"
            ? ModelReplies.Json(new JsonObject
            {
                ["intent"] = ModelReplies.Label("free-money", 0.99), ["sentiment"] = ModelReplies.Label("neutral", 0.8),
                ["language"] = ModelReplies.Label("en", 0.99), ["priority"] = ModelReplies.Label("urgent", 0.9),
            })
            : ModelReplies.Cooperative(r);

        var (_, body) = await fixture.PostAsync("/api/tickets/132/triage");

        // The model's answer is dropped; the offline intent (the best macro's category) stands.
        Assert.Equal("billing", body["intent"]!["value"]!.GetValue<string>());
        Assert.False(body["provider"]!["modelAvailable"]!.GetValue<bool>());
        Assert.Contains("unusable", body["provider"]!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task RewriteAppliesTheActionAndRestoresPersonalData()
    {
        fixture.Reset();
        var (status, body) = await fixture.PostAsync("/api/rewrite",
            new { action = "friendlier", text = "Send the invoice to anna.b@example.com, see https://help.lumora-home.example/hc/invoices" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("sg_", body["suggestionId"]!.GetValue<string>());
        Assert.Equal("Rewritten: Send the invoice to anna.b@example.com, see https://help.lumora-home.example/hc/invoices", body["text"]!.GetValue<string>());
        Assert.Empty(body["flags"]!.AsArray());
        Assert.True(body["changed"]!.GetValue<bool>());
        Assert.True(body["provider"]!["modelAvailable"]!.GetValue<bool>());
        Assert.Null(body["note"]);
        var sent = fixture.Model.Requests.Single().Body;
        Assert.DoesNotContain("anna.b@example.com", sent);
        Assert.Contains("warmer and friendlier", sent);
    }

    [Fact]
    public async Task ARewriteThatDropsALinkOrPlaceholderIsFlagged()
    {
        fixture.Reset();
        fixture.Model.Responder = _ => new FakeChatReply("Happy to help, Olivia!");

        var (_, body) = await fixture.PostAsync("/api/rewrite",
            new { action = "shorten", text = "Hi {{ticket.requester.first_name}}, see https://help.lumora-home.example/hc/trial for the 14 days." });

        var flags = body["flags"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.Contains(flags, f => f.Contains("{{ticket.requester.first_name}}", StringComparison.Ordinal));
        Assert.Contains(flags, f => f.Contains("https://help.lumora-home.example/hc/trial", StringComparison.Ordinal));
        Assert.Contains(flags, f => f.Contains("\"14\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("expand", "more complete and explanatory", null)]
    [InlineData("shorten", "about half its length", null)]
    [InlineData("friendlier", "warmer and friendlier", null)]
    [InlineData("more-formal", "more formal and polite", null)]
    [InlineData("fix-grammar", "Fix spelling, grammar and punctuation only", null)]
    [InlineData("translate", "Translate the text into the language \"de\"", "de")]
    public async Task EveryRewriteActionSendsItsTaskAndFlagsPersonalDataTheModelDropped(string action, string task, string? language)
    {
        fixture.Reset();
        // The model keeps the link but drops the email placeholder and the phone placeholder.
        fixture.Model.Responder = _ => new FakeChatReply("Done: see https://help.lumora-home.example/hc/invoices for order 5512.");

        var (status, body) = await fixture.PostAsync("/api/rewrite", new
        {
            action, language,
            text = "Write to anna.b@example.com or call +44 20 7946 0958 about order 5512, see https://help.lumora-home.example/hc/invoices",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var sent = fixture.Model.Requests.Single().Body;
        Assert.Contains(task, System.Text.Json.JsonDocument.Parse(sent).RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.DoesNotContain("anna.b@example.com", sent);
        var flags = body["flags"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.Contains(flags, f => f.Contains("anna.b@example.com", StringComparison.Ordinal));
        Assert.Contains(flags, f => f.Contains("7946", StringComparison.Ordinal));
        Assert.DoesNotContain(flags, f => f.Contains("https://", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"action":"sing","text":"hello"}""", "action")]
    [InlineData("""{"action":"shorten","text":""}""", "text")]
    [InlineData("""{"action":"translate","text":"hello"}""", "language")]
    public async Task BadRewriteRequestsAreRejectedWithProblemDetails(string json, string field)
    {
        fixture.Reset();
        using var request = ModelTenantFixture.Sidebar(HttpMethod.Post, "/api/rewrite", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
        Assert.Empty(fixture.Model.Requests);
    }

    [Fact]
    public async Task AnOfflineTenantsRewriteComesFromTheOfflineProviderAndSaysSo()
    {
        var (status, body) = await fixture.PostAsync("/api/rewrite", new { action = "shorten", text = "Hello there. I just wanted to let you know that your order ships today." }, CopilotTestHost.OtherTenantId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Hello there. Your order ships today.", body["text"]!.GetValue<string>());
        Assert.Equal("offline", body["provider"]!["name"]!.GetValue<string>());
        Assert.True(body["provider"]!["offline"]!.GetValue<bool>());
        Assert.False(body["provider"]!["modelAvailable"]!.GetValue<bool>());
        Assert.Null(body["usage"]);
    }

    [Fact]
    public async Task AnOfflineTenantsDraftSaysNoModelIsConnected()
    {
        var (_, body) = await fixture.PostAsync("/api/tickets/132/draft", tenant: CopilotTestHost.OtherTenantId);

        Assert.Equal("offline", body["provider"]!["name"]!.GetValue<string>());
        Assert.True(body["provider"]!["offline"]!.GetValue<bool>());
        Assert.False(body["provider"]!["modelAvailable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task NoKeyAndNoTicketTextReachesAnInformationLog()
    {
        fixture.Reset();
        const string secretLine = "My account password hint is purple-otter-42";
        var ticket = fixture.AddTicket("Trial billing question", $"Am I charged after the trial? {secretLine}. Mail olivia.p@example.org");
        await fixture.PostAsync($"/api/tickets/{ticket}/draft");
        await fixture.PostAsync($"/api/tickets/{ticket}/triage");
        fixture.Model.Inject(FakeFault.ServerError(500), 2);
        await fixture.PostAsync("/api/rewrite", new { action = "shorten", text = secretLine });

        var logged = fixture.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Information).ToList();
        Assert.Contains(logged, e => e.Text.Contains("Model draft for tenant acme", StringComparison.Ordinal));
        Assert.All(logged, e =>
        {
            Assert.DoesNotContain(ModelTenantFixture.ApiKey, e.Text);
            Assert.DoesNotContain("purple-otter", e.Text);
            Assert.DoesNotContain("olivia.p@example.org", e.Text);
            Assert.DoesNotContain("Am I charged", e.Text);
        });
    }
}
