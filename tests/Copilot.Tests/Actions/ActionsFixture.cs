using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Api.Assist;
using Copilot.Fakes.Shop;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Actions;

/// <summary>
/// Tenant "acme" on the fake Zendesk (Lumora Home), with a fake shop on 127.0.0.1 whose order API is acme's configured
/// lookups (<c>order-status</c>, and <c>slow-order</c> and <c>moved-order</c> for a time-out and a redirect). Each test
/// adds its own tickets from Olivia (user 1016), and a procedure for their intent whose steps name actions.
/// </summary>
public sealed class ActionsFixture : IAsyncLifetime
{
    public const long Requester = 1016;
    public const string Steps = """
        1. Ask the customer for a photo of the damage.
        2. Set priority to urgent.
        3. Add tag damaged_item.
        4. Look up the order.
        5. Add an internal note: Photo requested; replacement pending.
        6. Route to Returns and warranty.
        """;

    private long _nextTicket = 7000;

    public FakeZendesk Zendesk { get; private set; } = null!;
    public FakeShop Shop { get; private set; } = null!;
    public CopilotTestHost Host { get; private set; } = null!;
    public HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        Zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        Shop = await FakeShop.StartAsync();
        const string Lookups = "Copilot:Actions:Tenants:acme:Lookups:";
        string Url(string path) => new Uri(Shop.BaseUrl, path).ToString().Replace("%7B", "{", StringComparison.Ordinal).Replace("%7D", "}", StringComparison.Ordinal);
        var settings = new Dictionary<string, string?>
        {
            ["Copilot:Actions:Tenants:acme:AllowedHosts:0"] = Shop.BaseUrl.Host,
            ["Copilot:Zendesk:BaseDelay"] = "00:00:00.010",
        };
        string[] intents = ["billing", "delivery", "setup", "returns"];
        for (var i = 0; i < intents.Length; i++)
        {
            settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:Intents:{i}"] = intents[i];
        }
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:IntentExamples:returns:0"] = "My order arrived damaged, the item is cracked";
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:IntentExamples:returns:1"] = "The bulb arrived broken, I want a replacement";
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:IntentExamples:returns:2"] = "I want to return the strip, it arrived damaged in the box";
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:IntentExamples:setup:0"] = "How do I connect the bridge to my Wi-Fi";
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:IntentExamples:setup:1"] = "The app cannot find my new bulb during setup";
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:IntentExamples:billing:0"] = "I was charged twice for Lumora Plus";
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:IntentExamples:billing:1"] = "Please refund my subscription payment";
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:IntentExamples:delivery:0"] = "Where is my order, it has not arrived yet";
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:IntentExamples:delivery:1"] = "The tracking number shows no update for a week";
        foreach (var (name, path, timeout) in new[] { ("order-status", "api/orders/{order}", 3), ("slow-order", "slow/{order}", 1), ("moved-order", "moved/{order}", 3) })
        {
            settings[Lookups + name + ":Url"] = Url(path);
            settings[Lookups + name + ":Description"] = "the order's status in the web shop";
            settings[Lookups + name + ":Parameters:order"] = @"LUM-\d{4}-\d{5}";
            settings[Lookups + name + ":SecretHeader"] = FakeShop.KeyHeader;
            settings[Lookups + name + ":Secret"] = FakeShop.Key;
            settings[Lookups + name + ":TimeoutSeconds"] = timeout.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Host = await CopilotTestHost.StartAsync(Zendesk, settings);
        using (var sync = await Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }
        Zendesk.ClearRequests();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Shop.DisposeAsync();
        await Zendesk.DisposeAsync();
    }

    /// <summary>A new open ticket from Olivia; returns its id.</summary>
    public long AddTicket(string subject, string body, string? priority = "normal")
    {
        var id = Interlocked.Increment(ref _nextTicket);
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        Zendesk.Data.AddTicket(new FakeTicket
        {
            Id = id, Subject = subject, Status = "open", Priority = priority, RequesterId = Requester, CreatedAt = at, UpdatedAt = at,
            Comments = [new FakeComment { Id = id * 100 + 1, AuthorId = Requester, CreatedAt = at, HtmlBody = "<p>" + WebUtility.HtmlEncode(body) + "</p>" }],
        });
        return id;
    }

    /// <summary>A ticket about a damaged order, with the procedure (<see cref="Steps"/>) written for its intent and in force on its assist.</summary>
    public async Task<long> DamagedOrderTicketAsync(string subject = "Bridge arrived damaged")
    {
        var ticket = AddTicket(subject, "My order LUM-2026-48213 arrived today and the Bridge is cracked. What now?");
        await SendAsync(HttpMethod.Get, $"/api/tickets/{ticket}/assist");
        var intent = (await Host.Services.GetRequiredService<AssistCache>().GetLastAsync(CopilotTestHost.TenantId, ticket))!.Intent;
        using (var put = await Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Put, $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/damaged-{intent}",
            JsonContent.Create(new { intent, title = "Damaged item", steps = Steps }))))
        {
            put.EnsureSuccessStatusCode();
        }
        await SendAsync(HttpMethod.Get, $"/api/tickets/{ticket}/assist?refresh=true");
        return ticket;
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null, string agent = "2001")
    {
        using var request = CopilotTestHost.Sidebar(method, path, body is null ? null : JsonContent.Create(body), agent);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<List<JsonNode>> ActionsAsync(long ticket)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/api/tickets/{ticket}/actions");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["actions"]!.AsArray().Select(a => a!).ToList();
    }

    public static JsonNode Single(List<JsonNode> actions, string kind, string? source = null) =>
        Assert.Single(actions, a => a["kind"]!.GetValue<string>() == kind && (source is null || a["source"]!.GetValue<string>() == source));

    public List<Copilot.Fakes.Helpdesk.FakeRequest> Writes() => Zendesk.Requests.Where(r => r.Method != "GET").ToList();
}
