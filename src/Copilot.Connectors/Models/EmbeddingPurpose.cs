using Microsoft.Extensions.AI;

namespace Copilot.Connectors.Models;

/// <summary>
/// Whether texts are search queries or the passages searched. Models trained for retrieval embed the
/// two differently (an instruction in front of queries); providers that don't care ignore it.
/// </summary>
public static class EmbeddingPurpose
{
    public const string Key = "copilot.purpose";

    /// <summary>Fresh options each time: callers may add to them.</summary>
    public static EmbeddingGenerationOptions Query => new() { AdditionalProperties = new() { [Key] = "query" } };

    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(Key, out var value) == true && value as string == "query";
}
