using System.Security.Cryptography;
using System.Text;
using Copilot.Api.Knowledge;

namespace Copilot.Api.Actions.Lookups;

/// <summary>
/// A pre-approved lookup's answer as a source of the one answer it was read for (<see cref="SourceKind.Lookup"/>):
/// titled with the lookup's name and what it reads, stamped with when it ran. Its id names the lookup and a digest of
/// its parameters, so the same lookup run twice for the same values is one source, and no value is spelled out.
/// It is never written to the knowledge index, never offered to another ticket and kept no longer than the answer.
/// </summary>
public static class LookupSource
{
    public static KnowledgeHit Of(string name, LookupOptions lookup, IReadOnlyDictionary<string, string> parameters, string answer, DateTimeOffset ranAt) =>
        new(SourceKind.Lookup, Id(name, parameters), lookup.Description is { Length: > 0 } what ? $"{name} ({what})" : name, null, answer, 0, null)
        {
            RanAt = ranAt,
        };

    private static string Id(string name, IReadOnlyDictionary<string, string> parameters)
    {
        var values = string.Join('\u001f', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        return name + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(values)))[..12];
    }
}
