using System.Security.Cryptography;
using System.Text;

namespace Copilot.Api.Auth;

/// <summary>
/// Checks a secret a caller sent against the one configured, for every scheme that takes a plain shared secret (the
/// Freshworks app's calls, Freshdesk's webhooks): both sides are hashed to the same length and compared in constant
/// time, so neither the secret's characters nor its length show in the time an answer takes.
/// </summary>
public static class SecretComparison
{
    /// <summary>Checked against when there is no secret (an unknown tenant, none configured): the same work, and never a match.</summary>
    private static readonly byte[] Decoy = RandomNumberGenerator.GetBytes(32);

    /// <param name="configured">The secret to match; null or empty when there is none, which never matches.</param>
    public static bool Matches(string? configured, string? given)
    {
        var expected = SHA256.HashData(string.IsNullOrEmpty(configured) ? Decoy : Encoding.UTF8.GetBytes(configured));
        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(given ?? ""));
        return CryptographicOperations.FixedTimeEquals(expected, sent) && !string.IsNullOrEmpty(configured) && !string.IsNullOrEmpty(given);
    }
}
