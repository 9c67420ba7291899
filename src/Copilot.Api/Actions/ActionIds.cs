using System.Security.Cryptography;
using System.Text;

namespace Copilot.Api.Actions;

/// <summary>
/// An action's id: a digest of the tenant, the ticket, the kind and what it targets, so the same proposal worked out
/// again (another open, another instance) has the same id and its decision sticks. Ids are <c>ac_</c> and 24 hex digits.
/// </summary>
public static class ActionIds
{
    public const int Length = 27;

    public static string For(string tenant, long ticketId, ActionKind kind, string target)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant}\n{ticketId}\n{kind}\n{target}"));
        return "ac_" + Convert.ToHexStringLower(digest)[..24];
    }

    /// <summary>Whether <paramref name="id"/> has the shape of an action id (anything else is a bad request).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.StartsWith("ac_", StringComparison.Ordinal) && id[3..].All(char.IsAsciiHexDigitLower);
}
