using System.Globalization;
using System.Text;
using System.Text.Json;
using Copilot.Api.Webhooks;

namespace Copilot.Tests.Infrastructure;

/// <summary>Zendesk's signed "comment added" webhook for the test tenant, as Zendesk delivers it.</summary>
internal static class CommentWebhook
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient instance, long ticket)
    {
        var body = JsonSerializer.Serialize(new
        {
            type = "zen:event-type:ticket.comment_added",
            id = Guid.NewGuid().ToString(),
            time = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            subject = $"zen:ticket:{ticket}",
            detail = new { id = ticket.ToString(CultureInfo.InvariantCulture) },
        });
        var timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/zendesk/{CopilotTestHost.TenantId}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ZendeskWebhookVerifier.TimestampHeader, timestamp);
        request.Headers.Add(ZendeskWebhookVerifier.SignatureHeader,
            Convert.ToBase64String(ZendeskWebhookVerifier.Sign(CopilotTestHost.WebhookSecret, timestamp, Encoding.UTF8.GetBytes(body))));
        return await instance.SendAsync(request);
    }
}
