using Copilot.Api.Analytics;
using Copilot.Api.Knowledge;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Assist;

/// <summary>
/// Records what the sidebar displayed of an assist — the only place assist items become "shown"
/// suggestions. Each item is recorded once per computed assist, agent and kind: reopening the
/// same assist returns the same ids; an assist recomputed with something new to show (a new comment) is a new display,
/// while one that shows the same (a refresh, a webhook that changed nothing shown) keeps its id (<see cref="AssistContext.ShowsTheSameAs"/>).
/// The assist's knowledge-gap record is written with its first display.
/// </summary>
public sealed class AssistShown(SuggestionStore suggestions, RetrievalLog retrievals, TimeProvider time)
{
    /// <summary>The items of an assist the sidebar can report.</summary>
    public static readonly IReadOnlyList<SuggestionKind> Kinds =
        [SuggestionKind.Summary, SuggestionKind.Articles, SuggestionKind.Macros, SuggestionKind.SimilarTickets, SuggestionKind.Handoff, SuggestionKind.Procedure];

    /// <returns>The suggestion id of each displayed kind (kinds with nothing to show are left out).</returns>
    public async Task<IReadOnlyDictionary<SuggestionKind, string>> RecordAsync(
        Tenant tenant, AssistContext context, string? agentId, IReadOnlyCollection<SuggestionKind> kinds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        (SuggestionKind, Suggestion) Item(SuggestionKind kind, string text, IEnumerable<KnowledgeHit> sources, SuggestionOrigin origin) => (kind, new()
        {
            Tenant = tenant.Id, TicketId = context.Thread.Ticket.Id, Kind = Wire.Name(kind), AgentId = agentId, Intent = context.Intent, Text = text,
            Sources = sources.Select(AssistService.ToSourceRef).ToList(), Origin = origin, CreatedAt = now, AssistId = context.AssistId,
        });
        (SuggestionKind, Suggestion) Shown(Procedures.Matching.ProcedureMatch m)
        {
            var (kind, item) = Item(SuggestionKind.Procedure, m.Procedure.Title + "\n" + string.Join("\n", m.Procedure.StepList), [], context.RetrievalOrigin);
            return (kind, item with
            {
                Sources = [ProcedureSource(m.Procedure, m.Score)], ProcedureId = m.Procedure.Id, ProcedureVersion = m.Procedure.Version,
            });
        }
        (SuggestionKind, Suggestion)? List(SuggestionKind kind, IReadOnlyList<KnowledgeHit> hits) =>
            hits.Count == 0 ? null : Item(kind, string.Join("\n", hits.Select(h => h.Title)), hits, context.RetrievalOrigin);

        var items = kinds.Distinct().Select(kind => kind switch
        {
            SuggestionKind.Summary => Item(kind, context.Summary.ToText(), [], context.SummaryOrigin),
            SuggestionKind.Articles => List(kind, context.Articles),
            SuggestionKind.Macros => List(kind, context.Macros),
            SuggestionKind.SimilarTickets => List(kind, context.SimilarTickets),
            SuggestionKind.Handoff => WaysForward(context) is { Length: > 0 } ways ? Item(kind, ways, [], context.RetrievalOrigin) : null,
            SuggestionKind.Procedure => context.Procedure is { } m ? Shown(m) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(kinds), kind, "Not an item of an assist."),
        }).OfType<(SuggestionKind Kind, Suggestion Suggestion)>().ToList();

        // The check that this is the assist's first display is part of the write, so two displays reported at once
        // cannot both log the retrieval.
        var (recorded, firstDisplay) = await suggestions.AddAssistItemsAsync(tenant.Id, context.AssistId, items.Select(i => i.Suggestion).ToList(), cancellationToken);
        if (firstDisplay && recorded.Any(r => r.New))
        {
            // What the knowledge base offered for this ticket: weak or no matches are its gaps.
            var best = context.Articles.Concat(context.Macros).MaxBy(h => h.KeywordScore);
            await retrievals.RecordAsync(tenant.Id, context.Thread.Ticket.Id, context.QueryTerms,
                best?.KeywordScore, best?.SourceId, best?.Title, cancellationToken);
        }
        return items.Zip(recorded).ToDictionary(p => p.First.Kind, p => p.Second.Id);
    }

    /// <summary>A procedure among a suggestion's sources: <c>procedure</c>, <c>{id}@v{version}</c>.</summary>
    public static SourceRef ProcedureSource(Procedures.Procedure p, double score = 0) => new("procedure", $"{p.Id}@v{p.Version}", p.Title, null, score);

    /// <summary>The ways forward the fired rules offer, one line per rule: what the agent was shown to follow.</summary>
    internal static string WaysForward(AssistContext context) => string.Join("\n", context.Warnings
        .Where(w => w.WayForward is not null)
        .Select(w => $"{w.Name}: " + string.Join("; ", new[]
        {
            w.WayForward!.GroupId is { } g ? $"group {w.WayForward.GroupName ?? g.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null,
            w.WayForward.Tags is { Count: > 0 } tags ? $"tags {string.Join(", ", tags)}" : null,
            w.WayForward.InternalNote ? "internal note" : null,
        }.OfType<string>())));
}
