using System.Globalization;
using System.Net;
using System.Text;
using Copilot.Api.Webhooks;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

/// <summary>The demo tenant takes Zendesk webhooks signed with <c>Copilot:Demo:WebhookSecret</c>, and none without one.</summary>
public class DemoWebhookTests
{
    private const string Secret = "demo-webhook-signing-secret-for-tests";

    [Theory]
    [InlineData(Secret, HttpStatusCode.OK)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task TheDemoTenantTakesWebhooksSignedWithItsSecretOnly(string? configured, HttpStatusCode expected)
    {
        await using var app = await new TestHostBuilder()
            .With("Copilot:Demo:SeedAnalytics", "false")
            .With("Copilot:Demo:WebhookSecret", configured)
            .StartAsync();
        using var client = app.CreateClient();
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "zen:event-type:ticket.comment_added", id = Guid.NewGuid().ToString(), time = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            subject = "zen:ticket:101", detail = new { id = "101" },
        });
        var timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zendesk/demo") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(ZendeskWebhookVerifier.TimestampHeader, timestamp);
        request.Headers.Add(ZendeskWebhookVerifier.SignatureHeader, Convert.ToBase64String(ZendeskWebhookVerifier.Sign(Secret, timestamp, Encoding.UTF8.GetBytes(body))));

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
