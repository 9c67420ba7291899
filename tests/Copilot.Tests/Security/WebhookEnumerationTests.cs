using System.Text;
using System.Text.Json.Nodes;
using Copilot.Tests.Analytics;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Security;

/// <summary>The webhook route answers a request the same whether the tenant exists, has no signing secret, or the signature is wrong.</summary>
public sealed class WebhookEnumerationTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private const string Body = """{"type":"zen:event-type:ticket.created","id":"evt-enum","subject":"zen:ticket:101"}""";

    public static TheoryData<string> Deliveries => new() { "signed with a wrong secret", "unsigned", "stale", "bad timestamp", "bad signature text" };

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task UnknownTenantsTenantsWithoutASecretAndBadSignaturesGetTheSameAnswer(string delivery)
    {
        var known = await AnswerAsync(CopilotTestHost.TenantId, delivery); // has a webhook secret
        var noSecret = await AnswerAsync(CopilotTestHost.OtherTenantId, delivery);
        var unknown = await AnswerAsync("no-such-tenant", delivery);

        Assert.Equal(401, known.Status);
        Assert.Equal(known, noSecret);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task ADeliverySignedWithTheRightSecretForAnUnknownTenantIsRefusedLikeAForgery()
    {
        var forged = await AnswerAsync(CopilotTestHost.TenantId, "signed with a wrong secret");
        var unknown = await AnswerAsync("no-such-tenant", "signed with the known tenant's secret");
        Assert.Equal(forged, unknown);
    }

    private async Task<(int Status, string? ContentType, string Body)> AnswerAsync(string tenant, string delivery)
    {
        var timestamp = delivery switch
        {
            "stale" => Webhook.Now(TimeSpan.FromMinutes(-10)),
            "bad timestamp" => "yesterday",
            _ => Webhook.Now(),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/zendesk/{tenant}")
        {
            Content = new StringContent(Body, Encoding.UTF8, "application/json"),
        };
        if (delivery != "unsigned")
        {
            request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
            request.Headers.Add("X-Zendesk-Webhook-Signature", delivery switch
            {
                "bad signature text" => "not base64!",
                "signed with the known tenant's secret" => Webhook.Sign(CopilotTestHost.WebhookSecret, timestamp, Body),
                _ => Webhook.Sign("a-secret-nobody-configured-0123456789", timestamp, Body),
            });
        }
        using var response = await fixture.Client.SendAsync(request);
        // The trace id names the request, not the tenant: every answer has its own.
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(problem.Remove("traceId"));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), problem.ToJsonString());
    }
}
