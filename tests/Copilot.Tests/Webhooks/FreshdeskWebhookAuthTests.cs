using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Copilot.Tests.Analytics;

namespace Copilot.Tests.Webhooks;

/// <summary>
/// Who may deliver Freshdesk events: the tenant's secret in the header, on the Freshdesk route, for a Freshdesk tenant.
/// Every refusal answers the same whatever the tenant, and the secret is never written to a log.
/// </summary>
[Collection(FreshdeskWebhookCollection.Name)]
public sealed class FreshdeskWebhookAuthTests(FreshdeskWebhookFixture fixture)
{
    private const string WrongSecret = "not-the-webhook-secret-4d2b";

    [Theory]
    [InlineData("a wrong secret")]
    [InlineData("no secret header")]
    [InlineData("an empty secret header")]
    public async Task UnknownTenantsZendeskTenantsTenantsWithoutASecretAndWrongSecretsGetTheSameAnswer(string delivery)
    {
        var secret = delivery switch { "a wrong secret" => WrongSecret, "an empty secret header" => "", _ => null };
        var before = await StoredAsync();

        var wrong = await AnswerAsync(FreshdeskWebhookFixture.Tenant, secret);
        var answers = new[]
        {
            await AnswerAsync(FreshdeskWebhookFixture.QuietTenant, secret),
            await AnswerAsync(FreshdeskWebhookFixture.ZendeskTenant, secret),
            await AnswerAsync("no-such-tenant", secret),
        };

        Assert.Equal(401, wrong.Status);
        Assert.All(answers, a => Assert.Equal(wrong, a));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task TheRightSecretForATenantThatIsNotAFreshdeskTenantWithASecretIsRefusedLikeAWrongOne()
    {
        var forged = await AnswerAsync(FreshdeskWebhookFixture.Tenant, WrongSecret);

        // The Zendesk tenant has this very secret as its webhook secret; the quiet tenant has none.
        foreach (var tenant in new[] { FreshdeskWebhookFixture.ZendeskTenant, FreshdeskWebhookFixture.QuietTenant, "no-such-tenant" })
        {
            Assert.Equal(forged, await AnswerAsync(tenant, FreshdeskWebhookFixture.Secret));
        }
    }

    [Fact]
    public async Task AFreshdeskTenantOnTheZendeskRouteIsRefusedLikeAnUnknownTenant()
    {
        const string body = """{"type":"zen:event-type:ticket.created","id":"evt-fd-on-zd","subject":"zen:ticket:101"}""";
        async Task<(int, string)> ZendeskAnswerAsync(string tenant)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/zendesk/{tenant}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var timestamp = Webhook.Now();
            request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
            request.Headers.Add("X-Zendesk-Webhook-Signature", Webhook.Sign(FreshdeskWebhookFixture.Secret, timestamp, body));
            using var response = await fixture.Client.SendAsync(request);
            return ((int)response.StatusCode, WithoutTraceId(await response.Content.ReadAsStringAsync()));
        }

        var freshdeskTenant = await ZendeskAnswerAsync(FreshdeskWebhookFixture.Tenant);
        var unknown = await ZendeskAnswerAsync("no-such-tenant");
        var zendeskTenant = await ZendeskAnswerAsync(FreshdeskWebhookFixture.ZendeskTenant);

        Assert.Equal(401, freshdeskTenant.Item1);
        Assert.Equal(unknown, freshdeskTenant);
        // The same signature is good for the Zendesk tenant that has this secret: the refusal was the helpdesk's.
        Assert.Equal(200, zendeskTenant.Item1);
    }

    [Fact]
    public async Task TheWebhookSecretIsNeverWrittenToALog()
    {
        using (await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, FreshdeskDelivery.CommentAdded(110)))
        using (await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, "{\"event\":\"comment-added\"}"))
        using (await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, FreshdeskDelivery.CommentAdded(110), WrongSecret))
        using (await fixture.SendAsync(FreshdeskWebhookFixture.ZendeskTenant, FreshdeskDelivery.CommentAdded(110)))
        {
        }

        var entries = fixture.Logs.Entries;
        Assert.Contains(entries, e => e.Category.StartsWith("Copilot.Api.Webhooks", StringComparison.Ordinal));
        foreach (var (_, category, text, values) in entries)
        {
            foreach (var written in values.Prepend(text))
            {
                Assert.False(written.Contains(FreshdeskWebhookFixture.Secret, StringComparison.Ordinal), $"{category} logged the secret: {written}");
                Assert.False(written.Contains(WrongSecret, StringComparison.Ordinal), $"{category} logged the sent secret: {written}");
            }
        }
    }

    private async Task<(int Status, string? ContentType, string Body)> AnswerAsync(string tenant, string? secret)
    {
        using var response = await fixture.SendAsync(tenant, FreshdeskDelivery.StatusChanged(112, from: 2, to: 4), secret);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), WithoutTraceId(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The trace id names the request, not the tenant: every answer has its own.</summary>
    private static string WithoutTraceId(string problem)
    {
        var json = JsonNode.Parse(problem)!.AsObject();
        json.Remove("traceId");
        return json.ToJsonString();
    }

    private async Task<(long, long)> StoredAsync() =>
        (await fixture.CountAsync("SELECT count(*) FROM webhook_events"), await fixture.CountAsync("SELECT count(*) FROM ticket_outcomes"));
}
