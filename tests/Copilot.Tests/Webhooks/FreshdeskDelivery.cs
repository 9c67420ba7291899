using System.Globalization;
using System.Text;
using System.Text.Json;
using Copilot.Api.Webhooks;

namespace Copilot.Tests.Webhooks;

/// <summary>Deliveries as a Freshdesk automation rule's Trigger webhook action sends them: the JSON of docs/webhooks.md, placeholders filled, the secret in a custom header.</summary>
internal static class FreshdeskDelivery
{
    /// <summary>A time as Freshdesk prints <c>{{ticket.modified_on}}</c> (Ruby's default: date, time, UTC).</summary>
    public static string Time(TimeSpan? offset = null) =>
        DateTimeOffset.UtcNow.Add(offset ?? TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string StatusChanged(long ticket, int from, int to, string? time = null) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["event"] = "status-changed",
        ["ticket_id"] = ticket.ToString(CultureInfo.InvariantCulture),
        ["triggered_event"] = $"{{status:{{from:{from},to:{to}}}}}",
        ["time"] = time ?? Time(),
        ["created_at"] = "2026-11-02 09:15:00 UTC",
    });

    public static string CommentAdded(long ticket, string? time = null) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["event"] = "comment-added",
        ["ticket_id"] = ticket.ToString(CultureInfo.InvariantCulture),
        ["triggered_event"] = "{note_type:public}",
        ["time"] = time ?? Time(),
    });

    public static HttpRequestMessage Request(string tenant, string body, string? secret) => Request(tenant, Encoding.UTF8.GetBytes(body), secret);

    public static HttpRequestMessage Request(string tenant, byte[] body, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/freshdesk/{tenant}")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        // As a well-behaved client sends a body over the limit: the server answers 413 before it is sent, instead of
        // closing the connection under the upload (which a loaded machine turns into a reset before the answer is read).
        request.Headers.ExpectContinue = body.Length > Copilot.Api.Webhooks.WebhookDelivery.MaxBodyBytes;
        if (secret is not null)
        {
            request.Headers.Add(FreshdeskWebhookSecret.Header, secret);
        }
        return request;
    }
}
