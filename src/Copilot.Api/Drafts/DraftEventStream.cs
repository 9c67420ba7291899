using Copilot.Api.Hosting;

namespace Copilot.Api.Drafts;

/// <summary>
/// Writes a draft as server-sent events: <c>sources</c>, then <c>delta</c> {text} as the model writes,
/// then <c>done</c> with the checked text, suggestion id, citations, usage and flags. A failure after
/// the stream started becomes an <c>error</c> event in problem shape. Each event is flushed at once.
/// </summary>
public sealed class DraftEventStream(IAsyncEnumerable<DraftEvent> events) : EventStream<DraftEvent>(events)
{
    protected override (string Name, object Data) Describe(DraftEvent e) => e switch
    {
        DraftSourcesEvent s => ("sources", new { sources = s.Sources }),
        DraftDeltaEvent d => ("delta", new { text = d.Text }),
        DraftDoneEvent done => ("done", done.Response),
        _ => throw new InvalidOperationException($"Unknown draft event {e.GetType().Name}."),
    };

    protected override (string Title, string Detail) Failure => ("The draft failed", "Writing the draft failed; try again.");
}
