using System.Collections.Concurrent;
using Copilot.Connectors.Models;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Query embeddings, remembered briefly: one assist searches articles, macros and past replies with
/// the same query (side by side), and the sidebar asks for the draft right after, so one embedding serves
/// them all. Concurrent asks for one text share one model call; a failed call is not remembered.
/// </summary>
public sealed class QueryVectors
{
    public const int Capacity = 512;
    private readonly ConcurrentDictionary<(string Model, string Text), Lazy<Task<float[]>>> _recent = new();

    public async Task<float[]> GetAsync(TenantEmbedder embedder, string text, CancellationToken cancellationToken)
    {
        var key = (embedder.Model, text);
        if (!_recent.ContainsKey(key) && _recent.Count >= Capacity)
        {
            // Coarse but bounded: a full table starts over rather than tracking recency per entry. Counting takes every
            // lock of the table, so only a text not yet in it is counted: the other searches of an assist find it there.
            _recent.Clear();
        }
        // The shared call is not tied to one caller's token: another caller may still want its result. It runs on
        // the pool, so callers that find it started wait without holding a thread.
        var entry = _recent.GetOrAdd(key, _ => new Lazy<Task<float[]>>(() => Task.Run(() => EmbedAsync(embedder, text))));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || entry.Value.IsCanceled)
        {
            _recent.TryRemove(new KeyValuePair<(string, string), Lazy<Task<float[]>>>(key, entry));
            throw;
        }
    }

    private static async Task<float[]> EmbedAsync(TenantEmbedder embedder, string text) =>
        (await embedder.Generator.GenerateAsync([text], EmbeddingPurpose.Query, CancellationToken.None))[0].Vector.ToArray();
}
