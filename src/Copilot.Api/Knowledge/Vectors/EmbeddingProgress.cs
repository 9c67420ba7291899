using System.Collections.Concurrent;
using Copilot.Api.Tenants;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Each tenant's passages and how many its embedding model has read, as the readiness probe reports them. Counting
/// scans both tables, so a probe reuses a count for up to <see cref="MaxAge"/>; a count taken before the tenant's
/// last sync, or for another model, is taken again at once, and the embedding service hands in the count it takes
/// after each step.
/// </summary>
public sealed class EmbeddingProgress
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Count> _counts = new(StringComparer.Ordinal);
    private readonly PassageVectors vectors;
    private readonly TimeProvider time;

    /// <summary>A count is dropped as soon as this process writes or removes the tenant's passages: a sync is not hidden behind one taken before it.</summary>
    public EmbeddingProgress(PassageVectors vectors, TimeProvider time, KnowledgeIndex index)
    {
        (this.vectors, this.time) = (vectors, time);
        index.PassagesChanged += tenant => _counts.TryRemove(tenant, out _);
    }

    /// <param name="lastSync">
    /// When the tenant's knowledge last changed by a sync (as the store says, whichever instance ran it): a count from before
    /// it is not reused. Null when the caller does not read it (the assist, on its hot path): any fresh count serves, and
    /// the one kept stays tied to the sync it was taken after.
    /// </param>
    public async Task<(long Passages, long Embedded)> GetAsync(Tenant tenant, string model, DateTimeOffset? lastSync, CancellationToken cancellationToken)
    {
        var kept = _counts.TryGetValue(tenant.Id, out var c) && c.Model == model ? c : null;
        if (kept is not null && (lastSync is null || kept.LastSync == lastSync) && time.GetUtcNow() - kept.At < MaxAge)
        {
            return (kept.Passages, kept.Embedded);
        }
        var (passages, embedded) = await vectors.ProgressAsync(tenant, cancellationToken);
        _counts[tenant.Id] = new Count(model, lastSync ?? kept?.LastSync, passages, embedded, time.GetUtcNow());
        return (passages, embedded);
    }

    /// <summary>A count just taken (by the embedding service): it replaces the one kept, which stays tied to its sync.</summary>
    public void Counted(Tenant tenant, string model, long passages, long embedded)
    {
        if (_counts.TryGetValue(tenant.Id, out var c) && c.Model == model)
        {
            _counts.TryUpdate(tenant.Id, c with { Passages = passages, Embedded = embedded, At = time.GetUtcNow() }, c);
        }
    }

    private sealed record Count(string Model, DateTimeOffset? LastSync, long Passages, long Embedded, DateTimeOffset At);
}
