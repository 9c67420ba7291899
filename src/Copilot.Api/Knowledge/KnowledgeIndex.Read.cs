using Dapper;

namespace Copilot.Api.Knowledge;

public sealed partial class KnowledgeIndex
{
    /// <summary>
    /// A source's whole text put back together from its passages (the sentence each passage repeats from the one
    /// before is kept once); null when the source is not indexed. A draft answers from the whole source, so a list
    /// is never cut where a passage happened to end.
    /// </summary>
    public async Task<string?> GetTextAsync(string tenant, SourceKind kind, string sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var passages = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT text FROM knowledge_passages WHERE tenant = @tenant AND kind = @kind AND source_id = @sourceId ORDER BY ordinal",
            new { tenant, kind = kind.ToName(), sourceId }, cancellationToken: cancellationToken))).ToList();
        if (passages.Count == 0)
        {
            return null;
        }
        var text = new System.Text.StringBuilder(passages[0]);
        for (var i = 1; i < passages.Count; i++)
        {
            var previous = passages[i - 1];
            var cut = Math.Max(previous.LastIndexOf('\n'), previous.LastIndexOfAny(['.', '!', '?'], Math.Max(0, previous.Length - 2)) + 1);
            var last = previous[Math.Max(0, cut)..].Trim();
            var next = last.Length > 0 && passages[i].StartsWith(last, StringComparison.Ordinal) ? passages[i][last.Length..].TrimStart() : passages[i];
            text.Append('\n').Append(next);
        }
        return text.ToString();
    }
}
