using Copilot.Api.Knowledge;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Ask;

/// <summary>
/// What the tenant's knowledge holds for a question: articles and documents, macros and past replies, each kind
/// searched by hybrid retrieval and cut at its own show floor (<see cref="RelevantKnowledge"/>), in the ticket's
/// language first; merged best first. Nothing above the floors is an answer too: the copilot does not know.
/// </summary>
public sealed class AskRetrieval(RelevantKnowledge knowledge, IOptions<AskOptions> options)
{
    private static readonly SourceKind[][] Kinds = [[SourceKind.Article, SourceKind.Document], [SourceKind.Macro], [SourceKind.PastReply]];

    /// <param name="ticketId">The ticket asked about: its own past reply (once solved) is never a source for it.</param>
    public async Task<IReadOnlyList<KnowledgeHit>> FindAsync(string tenant, string query, string? language, long ticketId, CancellationToken cancellationToken)
    {
        var own = ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var limit = options.Value.SourcesPerKind;
        var searches = Kinds.Select(kinds => knowledge.FindAsync(tenant, query, language, kinds, limit,
            kinds[0] == SourceKind.PastReply ? h => h.SourceId == own : null, cancellationToken)).ToList();
        var found = await Task.WhenAll(searches);
        return found.SelectMany(m => m.Hits).OrderByDescending(h => h.Score).ToList();
    }
}
