using System.Collections.Concurrent;

namespace Copilot.Api.Analytics;

/// <summary>Rollup counts of one group and kind, as read from a day or a week.</summary>
internal sealed class GroupedCounts
{
    public string GroupKey { get; init; } = "";
    public string Kind { get; init; } = "";
    public long Shown { get; init; }
    public long Accepted { get; init; }
    public long Edited { get; init; }
    public long Rejected { get; init; }
    public long WrongFacts { get; init; }
    public long WrongTone { get; init; }
    public long OutdatedArticle { get; init; }
    public long MissingContext { get; init; }
    public long Policy { get; init; }
    public long Other { get; init; }
    public long EditUnder10 { get; init; }
    public long Edit10To25 { get; init; }
    public long Edit25To50 { get; init; }
    public long Edit50Plus { get; init; }
    public double CostUsd { get; init; }

    public SummaryCounts Counts => new()
    {
        Shown = Shown, Accepted = Accepted, Edited = Edited, Rejected = Rejected, WrongFacts = WrongFacts, WrongTone = WrongTone,
        OutdatedArticle = OutdatedArticle, MissingContext = MissingContext, Policy = Policy, Other = Other,
        EditUnder10 = EditUnder10, Edit10To25 = Edit10To25, Edit25To50 = Edit25To50, Edit50Plus = Edit50Plus, CostUsd = CostUsd,
    };
}

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
