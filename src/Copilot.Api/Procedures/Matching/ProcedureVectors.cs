using System.Collections.Concurrent;
using Copilot.Api.Knowledge.Vectors;

namespace Copilot.Api.Procedures.Matching;

/// <summary>
/// Each procedure version's embedding (its title and steps), worked out once per embedding model and kept in memory: a
/// version never changes, and a tenant has tens of procedures, not thousands. A failed call is not remembered.
/// </summary>
public sealed class ProcedureVectors
{
    public const int Capacity = 4_096;
    private readonly ConcurrentDictionary<(string Model, string Tenant, string Id, int Version, bool Title), float[]> _vectors = new();

    /// <param name="title">The title's vector (what the procedure is for), rather than the whole text's.</param>
    public async Task<IReadOnlyList<float[]>> GetAsync(TenantEmbedder embedder, string tenant, IReadOnlyList<Procedure> procedures, bool title, CancellationToken cancellationToken)
    {
        var missing = procedures.Where(p => !_vectors.ContainsKey(Key(embedder, tenant, p, title))).ToList();
        if (missing.Count > 0)
        {
            if (_vectors.Count + missing.Count > Capacity)
            {
                _vectors.Clear();
            }
            var embedded = await embedder.Generator.GenerateAsync(missing.Select(p => title ? p.Title : TextOf(p)), cancellationToken: cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                _vectors[Key(embedder, tenant, missing[i], title)] = embedded[i].Vector.ToArray();
            }
        }
        return procedures.Select(p => _vectors.TryGetValue(Key(embedder, tenant, p, title), out var v) ? v : []).ToList();
    }

    /// <summary>What a procedure is about, as one text: its title, then its steps.</summary>
    public static string TextOf(Procedure p) => p.Title + ".\n" + string.Join("\n", p.StepList);

    private static (string, string, string, int, bool) Key(TenantEmbedder embedder, string tenant, Procedure p, bool title) => (embedder.Model, tenant, p.Id, p.Version, title);
}
