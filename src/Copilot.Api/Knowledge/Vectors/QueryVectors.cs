using System.Collections.Concurrent;
using Copilot.Connectors.Models;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Query embeddings, remembered briefly: one assist searches articles, macros and past replies with
/// the same query, and the sidebar asks for the draft right after, so one embedding serves them all.
/// </summary>
public sealed class QueryVectors
{
    public const int Capacity = 512;
    private readonly ConcurrentDictionary<(string Model, string Text), float[]> _recent = new();

    public async Task<float[]> GetAsync(TenantEmbedder embedder, string text, CancellationToken cancellationToken)
    {
        var key = (embedder.Model, text);
        if (_recent.TryGetValue(key, out var vector))
        {
            return vector;
        }
        vector = (await embedder.Generator.GenerateAsync([text], EmbeddingPurpose.Query, cancellationToken))[0].Vector.ToArray();
        if (_recent.Count >= Capacity)
        {
            // Coarse but bounded: a full table starts over rather than tracking recency per entry.
            _recent.Clear();
        }
        _recent[key] = vector;
        return vector;
    }
}
