using System.Security.Cryptography;
using System.Text;

namespace Copilot.Api.Webhooks;

/// <summary>
/// Checks the secret a Freshdesk automation rule sends in <see cref="Header"/> (Freshdesk signs nothing): both sides
/// are hashed to the same length and compared in constant time, so neither the secret's characters nor its length
/// show in the time an answer takes.
/// </summary>
public sealed class FreshdeskWebhookSecret
{
    public const string Header = Auth.CallerProofs.WebhookSecretHeader;

    /// <summary>Checked against when the tenant has no secret (or is unknown): the same work, and never a match.</summary>
    private readonly byte[] _decoy = RandomNumberGenerator.GetBytes(32);

    /// <param name="configured">The tenant's secret; null or empty when there is none, which never matches.</param>
    public bool Matches(string? configured, string? given)
    {
        var expected = SHA256.HashData(string.IsNullOrEmpty(configured) ? _decoy : Encoding.UTF8.GetBytes(configured));
        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(given ?? ""));
        var equal = CryptographicOperations.FixedTimeEquals(expected, sent);
        return equal && !string.IsNullOrEmpty(configured) && !string.IsNullOrEmpty(given);
    }
}
