using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Copilot.Api.Webhooks;

public enum WebhookVerdict { Valid, MissingHeaders, BadTimestamp, StaleTimestamp, BadSignature }

/// <summary>
/// Checks a Zendesk webhook delivery: <c>X-Zendesk-Webhook-Signature</c> must equal
/// base64(HMAC-SHA256(signing secret, timestamp + raw body)) with the timestamp taken verbatim
/// from <c>X-Zendesk-Webhook-Signature-Timestamp</c>, compared in constant time; the timestamp
/// must be within <see cref="WebhookWindow.MaxSkew"/> of now, which bounds how long a captured delivery can be replayed.
/// </summary>
public sealed class ZendeskWebhookVerifier(TimeProvider time)
{
    public const string SignatureHeader = Auth.CallerProofs.WebhookSignatureHeader;
    public const string TimestampHeader = Auth.CallerProofs.WebhookTimestampHeader;

    /// <summary>
    /// Checked against for an unknown tenant or one without a signing secret: the same work and the
    /// same verdict as a wrong signature, so answers tell no tenant ids apart.
    /// </summary>
    private readonly string _decoy = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <param name="secret">The tenant's signing secret; null or empty when the tenant is unknown or has none, which never verifies.</param>
    public WebhookVerdict Verify(string? secret, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var verdict = Check(string.IsNullOrEmpty(secret) ? _decoy : secret, timestamp, signature, body);
        return verdict == WebhookVerdict.Valid && string.IsNullOrEmpty(secret) ? WebhookVerdict.BadSignature : verdict;
    }

    private WebhookVerdict Check(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return WebhookVerdict.MissingHeaders;
        }
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt))
        {
            return WebhookVerdict.BadTimestamp;
        }
        if (!WebhookWindow.Contains(sentAt, time))
        {
            return WebhookVerdict.StaleTimestamp;
        }
        var given = new byte[32];
        if (!Convert.TryFromBase64String(signature, given, out var written) || written != given.Length)
        {
            return WebhookVerdict.BadSignature;
        }
        return CryptographicOperations.FixedTimeEquals(Sign(secret, timestamp, body), given) ? WebhookVerdict.Valid : WebhookVerdict.BadSignature;
    }

    public static byte[] Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var message = new byte[stamp.Length + body.Length];
        stamp.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(stamp.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
