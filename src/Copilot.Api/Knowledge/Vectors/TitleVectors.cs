using System.Numerics.Tensors;
using Copilot.Api.Knowledge;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// One vector per source: its title alone, in half precision. Hybrid search ranks the sources it already
/// found also by how close their titles are to the query: a title says what the whole source is about, where
/// each passage vector reads one stretch of it.
/// </summary>
public sealed class TitleVectors
{
    private readonly Dictionary<(SourceKind Kind, string SourceId), Half[]> _vectors = [];

    public int Count => _vectors.Count;

    public void Add(SourceKind kind, string sourceId, ReadOnlySpan<float> vector)
    {
        var half = new Half[vector.Length];
        TensorPrimitives.ConvertToHalf(vector, half);
        _vectors[(kind, sourceId)] = half;
    }

    /// <summary>Each source's title similarity to the query (sources without a title vector left out).</summary>
    public IReadOnlyList<((SourceKind Kind, string SourceId) Source, float Similarity)> Similarities(float[] query, IEnumerable<(SourceKind Kind, string SourceId)> sources)
    {
        var buffer = new float[query.Length];
        var scored = new List<((SourceKind, string) Source, float Similarity)>();
        foreach (var source in sources)
        {
            if (_vectors.TryGetValue(source, out var title) && title.Length == query.Length)
            {
                TensorPrimitives.ConvertToSingle(title, buffer);
                scored.Add((source, TensorPrimitives.CosineSimilarity(query, buffer)));
            }
        }
        return scored;
    }
}
