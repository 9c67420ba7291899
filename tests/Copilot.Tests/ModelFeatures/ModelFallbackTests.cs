using System.Net;
using Copilot.Fakes.OpenAI;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.ModelFeatures;

public sealed class ModelFallbackTests(ModelTenantFixture fixture) : IClassFixture<ModelTenantFixture>
{
    public static TheoryData<string> Faults => ["500", "503", "rate-limited", "garbled", "mid-stream-error", "connection-reset", "timeout", "call-deadline"];

    /// <summary>Queues the fault as often as the tenant's policy will try (one retry for transient failures).</summary>
    private void Inject(string fault)
    {
        switch (fault)
        {
            case "500": fixture.Model.Inject(FakeFault.ServerError(500), 2); break;
            case "503": fixture.Model.Inject(FakeFault.ServerError(503), 2); break;
            // Longer than the tenant waits: no retry, fail at once.
            case "rate-limited": fixture.Model.Inject(FakeFault.RateLimited(TimeSpan.FromSeconds(30))); break;
            case "garbled": fixture.Model.Inject(FakeFault.Garbled()); break;
            case "mid-stream-error": fixture.Model.Inject(FakeFault.MidStreamError()); break;
            case "connection-reset": fixture.Model.Inject(FakeFault.ConnectionReset(), 2); break;
            case "timeout": fixture.Model.Inject(FakeFault.Slow(TimeSpan.FromSeconds(5))); break;
            // Each chunk well within the 3 s chunk timeout, the whole answer far past the 3 s call deadline.
            case "call-deadline": fixture.Model.Inject(FakeFault.Slow(TimeSpan.Zero, chunkDelay: TimeSpan.FromMilliseconds(500))); break;
            default: throw new ArgumentOutOfRangeException(nameof(fault));
        }
    }

    private async Task<long> WarmTicketAsync(string tenant = CopilotTestHost.TenantId)
    {
        var ticket = fixture.AddTicket("Will I be charged after the trial?", "If I cancel the Lumora Plus trial before it ends, am I charged?");
        using var response = await fixture.Client.SendAsync(ModelTenantFixture.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist", tenant: tenant));
        response.EnsureSuccessStatusCode();
        return ticket;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task WhenTheModelFailsTheOfflineDraftAnswersAndSaysTheModelWasUnavailable(string fault)
    {
        fixture.Reset();
        var ticket = await WarmTicketAsync();
        Inject(fault);

        var (status, body) = await fixture.PostAsync($"/api/tickets/{ticket}/draft");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("drafted", body["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["text"]!.GetValue<string>()));
        var provider = body["provider"]!;
        Assert.True(provider["offline"]!.GetValue<bool>());
        Assert.False(provider["modelAvailable"]!.GetValue<bool>());
        Assert.Contains("model unavailable", provider["detail"]!.GetValue<string>());
        Assert.Contains("unavailable", body["label"]!.GetValue<string>());
        Assert.NotEmpty(fixture.DraftCalls());
    }

    [Fact]
    public async Task AStreamThatBreaksAfterDeltasEndsWithTheOfflineDraft()
    {
        fixture.Reset();
        var ticket = await WarmTicketAsync();
        fixture.Model.Inject(FakeFault.MidStreamError());
        using var request = ModelTenantFixture.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/draft");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await fixture.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var events = await Sse.ReadAllAsync(response);

        Assert.Equal("sources", events[0].Name);
        var done = events[^1];
        Assert.Equal("done", done.Name);
        Assert.False(done.Data["provider"]!["modelAvailable"]!.GetValue<bool>());
        Assert.Contains(done.Data["flags"]!.AsArray(), f => f!.GetValue<string>().Contains("mid-answer", StringComparison.Ordinal));
        Assert.Equal(events[^2].Data["text"]!.GetValue<string>(), done.Data["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOpenBreakerSkipsTheModelAndTheOfflineProviderAnswers()
    {
        fixture.Reset();
        var ticket = await WarmTicketAsync(ModelTenantFixture.FragileTenant);
        fixture.Model.Inject(FakeFault.ServerError(500), 2);
        var (_, first) = await fixture.PostAsync($"/api/tickets/{ticket}/draft", tenant: ModelTenantFixture.FragileTenant);
        Assert.False(first["provider"]!["modelAvailable"]!.GetValue<bool>());
        var calls = fixture.Model.Requests.Count;

        var (_, second) = await fixture.PostAsync($"/api/tickets/{ticket}/draft", tenant: ModelTenantFixture.FragileTenant);

        Assert.Equal(calls, fixture.Model.Requests.Count);
        Assert.Contains("paused", second["provider"]!["detail"]!.GetValue<string>());
        Assert.Equal("drafted", second["status"]!.GetValue<string>());
        // Another tenant on the same provider keeps its own breaker.
        var (_, other) = await fixture.PostAsync($"/api/tickets/{ticket}/draft");
        Assert.True(other["provider"]!["modelAvailable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task WhenTheModelFailsTheSummaryIsTheOfflineOne()
    {
        fixture.Reset();
        var ticket = fixture.AddTicket("Trial question", "If I cancel the Lumora Plus trial before it ends, am I charged?");
        fixture.Model.Inject(FakeFault.ServerError(500), 2);

        using var response = await fixture.Client.SendAsync(ModelTenantFixture.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist"));
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body["provider"]!["modelAvailable"]!.GetValue<bool>());
        Assert.NotEqual("To know whether the trial costs anything.", body["summary"]!["customerWants"]!.GetValue<string>());
    }

    [Fact]
    public async Task WhenTheModelFailsTriageAnswersOfflineWithTheLearnedIntent()
    {
        fixture.Reset();
        var ticket = await WarmTicketAsync();
        fixture.Model.Inject(FakeFault.ServerError(502), 2);

        var (_, body) = await fixture.PostAsync($"/api/tickets/{ticket}/triage");

        // Offline, the intent comes from the model learned from the tenant's tagged solved tickets: a listed intent
        // at its calibrated probability, or "other" when unsure; the likeliest candidates are given either way.
        var candidates = body["intentCandidates"]!.AsArray();
        Assert.NotEmpty(candidates);
        var intent = body["intent"]!["value"]!.GetValue<string>();
        Assert.Contains(intent, ModelTenantFixture.Intents.Append("other"));
        Assert.Equal(intent == "other" ? 1 - candidates[0]!["confidence"]!.GetValue<double>() : candidates[0]!["confidence"]!.GetValue<double>(),
            body["intent"]!["confidence"]!.GetValue<double>(), tolerance: 0.0015);
        Assert.Equal("en", body["language"]!["value"]!.GetValue<string>());
        Assert.False(body["provider"]!["modelAvailable"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("500")]
    [InlineData("garbled")]
    [InlineData("timeout")]
    public async Task WhenTheModelFailsTheOfflineRewriteAnswersAndSaysTheModelWasUnavailable(string fault)
    {
        fixture.Reset();
        Inject(fault);

        var (status, body) = await fixture.PostAsync("/api/rewrite", new { action = "shorten", text = "Thanks for waiting! I just wanted to let you know that your order 4821 ships tomorrow." });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Thanks for waiting! Your order 4821 ships tomorrow.", body["text"]!.GetValue<string>());
        var provider = body["provider"]!;
        Assert.True(provider["offline"]!.GetValue<bool>());
        Assert.False(provider["modelAvailable"]!.GetValue<bool>());
        Assert.Contains("model unavailable", provider["detail"]!.GetValue<string>());
        Assert.True(body["changed"]!.GetValue<bool>());
        Assert.Null(body["usage"]);
        Assert.NotEmpty(fixture.Model.Requests);
    }
}
