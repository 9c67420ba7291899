using System.Collections.Concurrent;

namespace Copilot.Api.Analytics;

/// <summary>Rollup counts of one group and kind, as read from a day or a week.</summary>
internal sealed record GroupedCounts(string GroupKey, string Kind, SummaryCounts Counts);

/// <summary>
/// Aggregates of single days and weeks, each valid for exactly one store version. Bounded: when
/// full it starts over, which costs re-reads, never wrong answers.
/// </summary>
internal sealed class SummaryCache(int capacity)
{
    public readonly record struct Key(string Tenant, SummaryGroupBy GroupBy, bool Weekly, DateOnly Start);

    private readonly ConcurrentDictionary<Key, (long Version, IReadOnlyList<GroupedCounts> Parts)> _entries = new();

    public bool TryGet(Key key, long version, out IReadOnlyList<GroupedCounts> parts)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
        {
            parts = entry.Parts;
            return true;
        }
        parts = [];
        return false;
    }

    public void Set(Key key, long version, IReadOnlyList<GroupedCounts> parts)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
        _entries[key] = (version, parts);
    }
}
