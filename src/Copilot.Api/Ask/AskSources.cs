using Copilot.Api.Knowledge;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Ask;

/// <summary>
/// The sources one answer may cite, numbered in the order the model was shown them: those retrieved for the question,
/// then whatever its knowledge searches found (a source found twice keeps its first number). Also the links it may
/// write: the sources' and the requester's other tickets'. One per question; the tools of that question add to it.
/// </summary>
public sealed class AskSources
{
    private readonly List<KnowledgeHit> _sources;
    private readonly List<string> _links = [];
    private readonly Lock _sync = new();

    public AskSources(IEnumerable<KnowledgeHit> retrieved)
    {
        _sources = [];
        Add(retrieved);
    }

    public IReadOnlyList<KnowledgeHit> All
    {
        get
        {
            lock (_sync)
            {
                return [.. _sources];
            }
        }
    }

    /// <summary>Adds what is new; returns each given hit with its number (1-based), new or earlier.</summary>
    public IReadOnlyList<(int Number, KnowledgeHit Hit)> Add(IEnumerable<KnowledgeHit> hits)
    {
        lock (_sync)
        {
            var numbered = new List<(int, KnowledgeHit)>();
            foreach (var hit in hits)
            {
                var index = _sources.FindIndex(s => s.Kind == hit.Kind && s.SourceId == hit.SourceId);
                if (index < 0)
                {
                    _sources.Add(hit);
                    index = _sources.Count - 1;
                }
                numbered.Add((index + 1, _sources[index]));
            }
            return numbered;
        }
    }

    public void AddTickets(IEnumerable<TicketListing> tickets)
    {
        lock (_sync)
        {
            _links.AddRange(tickets.Select(t => t.Url).OfType<string>());
        }
    }

    /// <summary>Texts whose links the answer may repeat: every source's link and passage, and the requester's tickets' links. A past reply's link is not one: it opens another customer's ticket.</summary>
    public IReadOnlyList<string> KnownLinks()
    {
        lock (_sync)
        {
            return [.. _sources.SelectMany(s => new[] { s.Kind == SourceKind.PastReply ? "" : s.Url ?? "", s.Passage }), .. _links];
        }
    }
}
