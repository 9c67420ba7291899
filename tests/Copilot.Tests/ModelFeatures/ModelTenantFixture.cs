using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Fakes.OpenAI;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Copilot.Tests.ModelFeatures;

/// <summary>
/// The copilot host with tenant "acme" served by Azure OpenAI (the fake OpenAI server on its Azure v1
/// path), tenant "other" offline, and tenant "fragile" on the same fake with a breaker that opens
/// after two failures, prices in EUR and names cited articles by their title. The fake model answers like a cooperative model (<see cref="ModelReplies"/>)
/// unless a test sets a responder. Logs of the host are captured at every level.
/// </summary>
public sealed class ModelTenantFixture : IAsyncLifetime
{
    public const string ApiKey = "sk-azure-test-key-7f3a9c1e5b2d4068";
    public const string Deployment = "copilot-gpt-deploy";
    public const string FragileTenant = "fragile";
    public const string FragileSecret = "fragile-shared-secret-0123456789-abcdefghij";
    public static readonly string[] Intents = ["billing", "delivery", "setup", "cancellation"];

    public FakeZendesk Zendesk { get; private set; } = null!;
    public FakeOpenAI Model { get; private set; } = null!;

    /// <summary>The OpenAI server of tenant "vectors" (chat and embeddings), apart so its background calls meet no injected fault.</summary>
    public FakeOpenAI Embedder { get; private set; } = null!;
    public const string VectorsTenant = "vectors";
    public const string VectorsSecret = "vectors-shared-secret-0123456789-abcdefghij";
    public CopilotTestHost Host { get; private set; } = null!;
    public CapturedLogs Logs { get; } = new();
    public HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        Zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        Model = await FakeOpenAI.StartAsync();
        Embedder = await FakeOpenAI.StartAsync();
        Model.RequiredApiKey = ApiKey;
        var settings = new Dictionary<string, string?>
        {
            ["Copilot:Zendesk:BaseDelay"] = "00:00:00.010",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        };
        void ModelFor(string tenant, int breakerThroughput)
        {
            var p = $"Copilot:Tenants:{tenant}:Model:";
            settings[p + "Provider"] = "azure-openai";
            settings[p + "Endpoint"] = Model.AzureEndpoint.ToString();
            settings[p + "ApiKey"] = ApiKey;
            settings[p + "ChatModel"] = Deployment;
            settings[p + "TimeoutSeconds"] = "3";
            settings[p + "CallDeadlineSeconds"] = "3";
            settings[p + "MaxRetries"] = "1";
            settings[p + "RetryBaseDelaySeconds"] = "0.01";
            settings[p + "MaxRetryAfterSeconds"] = "0.5";
            settings[p + "BreakerMinimumThroughput"] = breakerThroughput.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[p + "BreakerFailureRatio"] = "0.5";
            settings[p + "BreakDurationSeconds"] = "30";
            settings[p + "Prices:InputPerMillionTokens"] = "2.5";
            settings[p + "Prices:OutputPerMillionTokens"] = "10";
        }
        ModelFor(CopilotTestHost.TenantId, 1000);
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:ToneGuidelines"] = "Warm and brief; say 'we' for Lumora.";
        for (var i = 0; i < Intents.Length; i++)
        {
            settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:Intents:{i}"] = Intents[i];
        }
        settings[$"Copilot:Tenants:{FragileTenant}:BaseUrl"] = Zendesk.BaseUrl.ToString();
        settings[$"Copilot:Tenants:{FragileTenant}:Email"] = Zendesk.Data.Email;
        settings[$"Copilot:Tenants:{FragileTenant}:ApiToken"] = Zendesk.Data.ApiToken;
        settings[$"Copilot:Tenants:{FragileTenant}:SharedSecret"] = FragileSecret;
        settings[$"Copilot:Tenants:{FragileTenant}:SyncIntervalMinutes"] = "0";
        ModelFor(FragileTenant, 2);
        settings[$"Copilot:Tenants:{FragileTenant}:Model:Prices:Currency"] = "EUR";
        settings[$"Copilot:Tenants:{FragileTenant}:CitationStyle"] = "title";
        var v = $"Copilot:Tenants:{VectorsTenant}:";
        settings[v + "BaseUrl"] = Zendesk.BaseUrl.ToString();
        settings[v + "Email"] = Zendesk.Data.Email;
        settings[v + "ApiToken"] = Zendesk.Data.ApiToken;
        settings[v + "SharedSecret"] = VectorsSecret;
        settings[v + "SyncIntervalMinutes"] = "0";
        settings[v + "Model:Provider"] = "openai";
        settings[v + "Model:Endpoint"] = Embedder.OpenAIEndpoint.ToString();
        settings[v + "Model:ApiKey"] = "sk-vectors-test";
        // The fake's hashing-trick vectors put unrelated texts around 0.2–0.4 (real models sit lower).
        settings[v + "Model:MinSimilarity"] = "0.5";
        settings[v + "Model:ChatModel"] = "gpt-test";
        settings[v + "Model:EmbeddingModel"] = "text-embedding-test";
        settings[v + "Model:EmbeddingDimensions"] = "128";
        settings[v + "Model:MaxRetries"] = "0";

        Host = await CopilotTestHost.StartAsync(Zendesk, settings, b => b.WithLogging(Logs));
        foreach (var tenant in new[] { CopilotTestHost.TenantId, CopilotTestHost.OtherTenantId, FragileTenant, VectorsTenant })
        {
            using var sync = CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{tenant}/sync?full=true");
            using var response = await Client.SendAsync(sync);
            response.EnsureSuccessStatusCode();
        }
        Model.Responder = ModelReplies.Cooperative;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
        await Embedder.DisposeAsync();
        await Zendesk.DisposeAsync();
    }

    /// <summary>Back to the cooperative model, no queued faults answered yet, no recorded requests.</summary>
    public void Reset()
    {
        Model.Responder = ModelReplies.Cooperative;
        Model.ClearFaults();
        Model.ClearRequests();
        Logs.Clear();
    }

    /// <summary>A new ticket from Olivia (user 1016) with the given first comment; returns its id.</summary>
    public long AddTicket(string subject, string body, long? id = null)
    {
        var ticketId = id ?? Interlocked.Increment(ref _nextTicket);
        var at = DateTimeOffset.Parse("2026-11-20T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Zendesk.Data.AddTicket(new FakeTicket
        {
            Id = ticketId, Subject = subject, Status = "open", RequesterId = 1016, CreatedAt = at, UpdatedAt = at,
            Comments = [new FakeComment { Id = ticketId * 100 + 1, AuthorId = 1016, CreatedAt = at, HtmlBody = "<p>" + System.Net.WebUtility.HtmlEncode(body) + "</p>" }],
        });
        return ticketId;
    }

    private long _nextTicket = 9000;

    /// <summary>Streamed chat calls: the drafts.</summary>
    public List<FakeOpenAIRequest> DraftCalls() =>
        Model.Requests.Where(r => r.Path.EndsWith("chat/completions", StringComparison.Ordinal) && r.Json?["stream"]?.GetValue<bool>() == true).ToList();

    /// <summary>Chat calls with a response schema of that name (ticket_summary, ticket_triage).</summary>
    public List<FakeOpenAIRequest> SchemaCalls(string name) =>
        Model.Requests.Where(r => r.Json?["response_format"]?["json_schema"]?["name"]?.GetValue<string>() == name).ToList();

    public static HttpRequestMessage Sidebar(HttpMethod method, string path, HttpContent? content = null, string tenant = CopilotTestHost.TenantId)
    {
        var secret = tenant switch
        {
            FragileTenant => FragileSecret,
            VectorsTenant => VectorsSecret,
            CopilotTestHost.OtherTenantId => CopilotTestHost.OtherSharedSecret,
            _ => CopilotTestHost.SharedSecret,
        };
        return CopilotTestHost.Sidebar(method, path, content, token: CopilotTestHost.MintToken(issuer: tenant, secret: secret));
    }

    /// <summary>Opens the ticket's assist and reports every item as displayed, as the sidebar does; the suggestion id per kind.</summary>
    public async Task<JsonNode> ShowAssistAsync(long ticket, string tenant = CopilotTestHost.TenantId)
    {
        using var response = await Client.SendAsync(Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist", tenant: tenant));
        response.EnsureSuccessStatusCode();
        var assistId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["assistId"]!.GetValue<string>();
        var (status, shown) = await PostAsync($"/api/tickets/{ticket}/assist/{assistId}/shown", new { kinds = AssistDisplay.AllKinds }, tenant);
        return status == System.Net.HttpStatusCode.OK ? shown : throw new InvalidOperationException($"The display report answered {status}: {shown}");
    }

    public async Task<(System.Net.HttpStatusCode Status, JsonNode Body)> PostAsync(string path, object? body = null, string tenant = CopilotTestHost.TenantId)
    {
        using var request = Sidebar(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body), tenant);
        using var response = await Client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
