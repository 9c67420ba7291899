using System.Globalization;
using Copilot.Fakes.OpenAI;
using Copilot.Fakes.Shop;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.ModelFeatures;

namespace Copilot.Tests.Actions;

/// <summary>
/// Tenant "acme" on the fake Zendesk, answered by a model on the fake OpenAI server (Azure v1 path), personal data
/// redacted (the default), with its lookups on a fake shop on 127.0.0.1: <c>order-status</c> read-only and
/// pre-approved, <c>order-history</c> read-only but left to the agent, <c>slow-order</c> pre-approved and timing out
/// after 1 s. Tickets come from Olivia (user 1016).
/// </summary>
public sealed class LookupModelFixture : IAsyncLifetime
{
    public const string ApiKey = "sk-azure-lookup-key-5c1e9a3f7b2d";
    public const string OrderPattern = @"LUM-\d{4}-\d{5}";

    private long _nextTicket = 7600;

    public FakeZendesk Zendesk { get; private set; } = null!;
    public FakeOpenAI Model { get; private set; } = null!;
    public FakeShop Shop { get; private set; } = null!;
    public CopilotTestHost Host { get; private set; } = null!;
    public HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        Zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        Model = await FakeOpenAI.StartAsync();
        Model.RequiredApiKey = ApiKey;
        Shop = await FakeShop.StartAsync();
        var m = $"Copilot:Tenants:{CopilotTestHost.TenantId}:Model:";
        var settings = new Dictionary<string, string?>
        {
            ["Copilot:Zendesk:BaseDelay"] = "00:00:00.010",
            ["Copilot:Actions:Tenants:acme:AllowedHosts:0"] = Shop.BaseUrl.Host,
            [m + "Provider"] = "azure-openai",
            [m + "Endpoint"] = Model.AzureEndpoint.ToString(),
            [m + "ApiKey"] = ApiKey,
            [m + "ChatModel"] = "copilot-lookup-deploy",
            [m + "TimeoutSeconds"] = "5",
            [m + "CallDeadlineSeconds"] = "5",
            [m + "MaxRetries"] = "0",
        };
        const string Lookups = "Copilot:Actions:Tenants:acme:Lookups:";
        foreach (var (name, path, preApproved, timeout) in new[] { ("order-status", "api/orders/{order}", true, 3), ("order-history", "api/orders/{order}", false, 3), ("slow-order", "slow/{order}", true, 1) })
        {
            settings[Lookups + name + ":Url"] = new Uri(Shop.BaseUrl, path).ToString().Replace("%7B", "{", StringComparison.Ordinal).Replace("%7D", "}", StringComparison.Ordinal);
            settings[Lookups + name + ":Description"] = "the order's status in the web shop";
            settings[Lookups + name + ":Parameters:order"] = OrderPattern;
            settings[Lookups + name + ":SecretHeader"] = FakeShop.KeyHeader;
            settings[Lookups + name + ":Secret"] = FakeShop.Key;
            settings[Lookups + name + ":PreApproved"] = preApproved ? "true" : "false";
            settings[Lookups + name + ":TimeoutSeconds"] = timeout.ToString(CultureInfo.InvariantCulture);
        }
        Host = await CopilotTestHost.StartAsync(Zendesk, settings);
        using (var sync = await Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }
        Model.Responder = ModelReplies.Cooperative;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
        await Shop.DisposeAsync();
        await Zendesk.DisposeAsync();
    }

    /// <summary>A new open ticket from Olivia with the given first comment; returns its id.</summary>
    public long AddTicket(string subject, string body)
    {
        var id = Interlocked.Increment(ref _nextTicket);
        var at = DateTimeOffset.Parse("2026-11-20T09:00:00Z", CultureInfo.InvariantCulture);
        Zendesk.Data.AddTicket(new FakeTicket
        {
            Id = id, Subject = subject, Status = "open", RequesterId = 1016, CreatedAt = at, UpdatedAt = at,
            Comments = [new FakeComment { Id = id * 100 + 1, AuthorId = 1016, CreatedAt = at, HtmlBody = "<p>" + System.Net.WebUtility.HtmlEncode(body) + "</p>" }],
        });
        return id;
    }

    /// <summary>The chat calls of the ask: the ones that offer tools.</summary>
    public List<FakeChatRequest> AskCalls() => Model.Requests.Select(r => r.Chat).OfType<FakeChatRequest>().Where(r => r.Tools.Count > 0).ToList();
}
