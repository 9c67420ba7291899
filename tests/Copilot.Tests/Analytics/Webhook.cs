using System.Globalization;
using System.Text;
using System.Text.Json;
using Copilot.Api.Webhooks;

namespace Copilot.Tests.Analytics;

/// <summary>Sends webhook deliveries signed the way Zendesk signs them.</summary>
internal static class Webhook
{
    public static string Now(TimeSpan? offset = null) =>
        DateTimeOffset.UtcNow.Add(offset ?? TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToBase64String(ZendeskWebhookVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));

    public static Task<HttpResponseMessage> SendAsync(AnalyticsHost host, string body, string tenant = "acme",
        string secret = AnalyticsHost.WebhookSecret, string? timestamp = null, string? signedBody = null, bool headers = true)
    {
        timestamp ??= Now();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/zendesk/{tenant}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        // A body over the limit is answered (413) before it is sent, as a well-behaved client sends one.
        request.Headers.ExpectContinue = Encoding.UTF8.GetByteCount(body) > WebhookDelivery.MaxBodyBytes;
        if (headers)
        {
            request.Headers.Add(ZendeskWebhookVerifier.TimestampHeader, timestamp);
            request.Headers.Add(ZendeskWebhookVerifier.SignatureHeader, Sign(secret, timestamp, signedBody ?? body));
        }
        return host.Client.SendAsync(request);
    }

    public static string StatusChanged(string id, long ticket, string time, string previous, string current, string created) => JsonSerializer.Serialize(new
    {
        type = "zen:event-type:ticket.status_changed", account_id = 1, id, time, zendesk_event_version = "2022-11-06",
        subject = $"zen:ticket:{ticket}",
        detail = new { id = ticket.ToString(CultureInfo.InvariantCulture), status = current, created_at = created, updated_at = time },
        @event = new { current, previous },
    });

    public static string Rated(string id, long ticket, string time, string rating) => JsonSerializer.Serialize(new
    {
        type = "copilot:ticket.satisfaction_rated", id, time, subject = $"zen:ticket:{ticket}",
        detail = new { id = ticket.ToString(CultureInfo.InvariantCulture) },
        @event = new { current = rating },
    });

    public static string CommentAdded(string id, long ticket, string time) => JsonSerializer.Serialize(new
    {
        type = "zen:event-type:ticket.comment_added", id, time, subject = $"zen:ticket:{ticket}",
        detail = new { id = ticket.ToString(CultureInfo.InvariantCulture) },
        @event = new { comment = new { id = "5000999", body = "customer text", is_public = true } },
    });
}
