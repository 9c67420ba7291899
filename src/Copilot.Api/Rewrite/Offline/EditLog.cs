using System.Text.RegularExpressions;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>What the offline rules changed, in words an agent reads: "Fixed spelling: teh → the".</summary>
internal sealed class EditLog
{
    private const int MaxExamples = 5;
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (int Count, List<string> Examples)> _edits = new(StringComparer.Ordinal);

    public void Add(string what, string? example = null, int count = 1)
    {
        if (count <= 0)
        {
            return;
        }
        if (!_edits.TryGetValue(what, out var entry))
        {
            _order.Add(what);
            entry = (0, []);
        }
        if (example is not null && !entry.Examples.Contains(example, StringComparer.Ordinal))
        {
            entry.Examples.Add(example);
        }
        _edits[what] = (entry.Count + count, entry.Examples);
    }

    /// <summary>
    /// Replaces every match for which <paramref name="replace"/> returns a different text and logs
    /// each under <paramref name="what"/>; <paramref name="example"/> names a change when it should be shown.
    /// </summary>
    public string Replace(string text, Regex pattern, Func<Match, string> replace, string what, Func<Match, string, string?>? example = null)
    {
        return pattern.Replace(text, m =>
        {
            var replacement = replace(m);
            if (!string.Equals(replacement, m.Value, StringComparison.Ordinal))
            {
                Add(what, example?.Invoke(m, replacement));
            }
            return replacement;
        });
    }

    public string Replace(string text, Regex pattern, string replacement, string what) =>
        Replace(text, pattern, m => m.Result(replacement), what);

    public IReadOnlyList<string> Items => _order.Select(Render).ToList();

    private string Render(string what)
    {
        var (count, examples) = _edits[what];
        if (examples.Count == 0)
        {
            return count > 1 ? $"{what} ({count}×)" : what;
        }
        var shown = string.Join(", ", examples.Take(MaxExamples));
        return examples.Count > MaxExamples ? $"{what}: {shown}, …" : $"{what}: {shown}";
    }
}
