using Copilot.Api.Webhooks;

namespace Copilot.Api.Demo;

/// <summary>One replayed sidebar visit: an agent opens a demo ticket (and maybe asks for a draft).</summary>
internal sealed record DemoVisit(long TicketId, long AgentId, DateTimeOffset At, bool Drafts, double Progress);

/// <summary>What the agent did with one suggestion: an outcome, a reason for rejections, how heavily an edit rewrote it.</summary>
internal sealed record DemoDecision(string Outcome, string? Reason, int EditStyle);

/// <summary>A helpdesk event as a Zendesk webhook would deliver it.</summary>
internal sealed record DemoTicketEvent(long TicketId, int Sequence, string Type, TicketEventKind Kind, DateTimeOffset At, DateTimeOffset TicketCreatedAt, string? Satisfaction);

/// <summary>
/// DEMO DATA: the schedule of the replayed history. The demo tickets are spread over the last
/// <c>weeks</c> weeks in the order they were created; each is worked by its assignee (or, when
/// unassigned, another demo agent); a seeded generator decides the rest, with each agent's own
/// habits and a slow improvement over the weeks. Same seed, tickets and agents, same history.
/// </summary>
internal sealed class DemoHistoryPlan
{
    // How often an agent's use of a suggestion works out, and how heavily they edit drafts (0 light … 2 heavy): the demo's agents take these in turn.
    private static readonly (double Skill, int EditStyle)[] Habits = [(0.62, 1), (0.70, 0), (0.78, 0), (0.55, 2), (0.66, 1), (0.48, 2)];

    /// <summary>Demo agents find the knowledge base thin for a ticket whose best article match scores below this (BM25; demo tickets score about 5 to 30).</summary>
    public const double WeakMatchScore = 10.0;

    private readonly Random _random;
    private readonly Dictionary<long, (double Skill, int EditStyle)> _habits;

    public IReadOnlyList<DemoVisit> Visits { get; }
    public IReadOnlyList<DemoTicketEvent> TicketEvents { get; }

    /// <param name="agents">The demo's agents, each with the habits of its place in the list.</param>
    public DemoHistoryPlan(IReadOnlyList<DemoTicket> tickets, IReadOnlyList<long> agents, int weeks, DateTimeOffset now, int seed)
    {
        _random = new Random(seed);
        _habits = agents.Select((agent, i) => (Agent: agent, Habit: Habits[i % Habits.Length])).ToDictionary(p => p.Agent, p => p.Habit);
        var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-7 * weeks);
        var days = 7 * weeks - 1;
        var ordered = tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToList();
        var visits = new List<DemoVisit>();
        var events = new List<DemoTicketEvent>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var ticket = ordered[i];
            var day = ordered.Count == 1 ? 0 : (int)Math.Round(i * (double)days / (ordered.Count - 1));
            var at = start.AddDays(day).AddHours(8 + _random.Next(0, 9)).AddMinutes(_random.Next(0, 60));
            if (at >= now)
            {
                at = now.AddHours(-1 - _random.Next(0, 3));
            }
            var created = at.AddHours(-1 - _random.Next(0, 8)).AddMinutes(-_random.Next(0, 60));
            var agent = ticket.AssigneeId is { } assignee && agents.Contains(assignee) ? assignee : agents[_random.Next(agents.Count)];
            // About one ticket in five is handled without opening Copilot at all.
            var assisted = _random.NextDouble() >= 0.2;
            if (assisted)
            {
                visits.Add(new DemoVisit(ticket.Id, agent, at, _random.NextDouble() < 0.9, Progress(at)));
                var again = at.AddDays(1 + _random.Next(0, 2)).AddHours(_random.Next(-2, 3));
                if (_random.NextDouble() < 0.6 && again < now)
                {
                    visits.Add(new DemoVisit(ticket.Id, agent, again, _random.NextDouble() < 0.6, Progress(again)));
                }
            }
            if (ticket.Solved)
            {
                events.AddRange(Lifecycle(ticket, created, at, now));
            }
        }
        Visits = visits.OrderBy(v => v.At).ToList();
        TicketEvents = events.OrderBy(e => e.At).ToList();

        double Progress(DateTimeOffset t) => Math.Clamp((t - start).TotalDays / (7.0 * weeks), 0, 1);
    }

    /// <summary>Created, solved (as long after creation as the demo ticket really took), sometimes reopened and solved again, often rated.</summary>
    private IEnumerable<DemoTicketEvent> Lifecycle(DemoTicket ticket, DateTimeOffset created, DateTimeOffset firstVisit, DateTimeOffset now)
    {
        var took = ticket.UpdatedAt - ticket.CreatedAt;
        took = took < TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : took > TimeSpan.FromDays(9) ? TimeSpan.FromDays(9) : took;
        var solved = created + took;
        if (solved <= firstVisit)
        {
            solved = firstVisit.AddHours(1 + _random.Next(0, 5));
        }
        var list = new List<DemoTicketEvent> { new(ticket.Id, 0, "zen:event-type:ticket.created", TicketEventKind.Created, created, created, null) };
        if (solved >= now)
        {
            return list;
        }
        list.Add(new(ticket.Id, 1, "copilot:ticket.solved", TicketEventKind.Solved, solved, created, null));
        var reopened = solved.AddDays(1).AddHours(_random.Next(0, 6));
        if (_random.NextDouble() < 0.12 && reopened.AddHours(8) < now)
        {
            list.Add(new(ticket.Id, 2, "copilot:ticket.reopened", TicketEventKind.Reopened, reopened, created, null));
            solved = reopened.AddHours(4 + _random.Next(0, 4));
            list.Add(new(ticket.Id, 3, "copilot:ticket.solved", TicketEventKind.Solved, solved, created, null));
        }
        var rated = solved.AddHours(2 + _random.Next(0, 10));
        if (_random.NextDouble() < 0.65 && rated < now)
        {
            list.Add(new(ticket.Id, 4, "copilot:ticket.satisfaction_rated", TicketEventKind.SatisfactionRated, rated, created, _random.NextDouble() < 0.82 ? "good" : "bad"));
        }
        return list;
    }

    /// <summary>What the visit's agent does with a suggestion of this kind; null when they leave no feedback.</summary>
    public DemoDecision? Decide(DemoVisit visit, string kind, bool weakKnowledge)
    {
        var (skill, editStyle) = _habits.GetValueOrDefault(visit.AgentId, (0.6, 1));
        var p = Math.Clamp(skill + 0.18 * visit.Progress - (weakKnowledge ? 0.3 : 0), 0.05, 0.95);
        var r = _random.NextDouble();
        switch (kind)
        {
            case "summary":
                if (_random.NextDouble() > 0.65) return null;
                return r < p + 0.12 ? new("accepted", null, 0) : new("rejected", Pick(("wrong-facts", 6), ("missing-context", 4)), 0);
            case "articles":
                if (_random.NextDouble() > 0.55) return null;
                return r < p ? new("accepted", null, 0) : new("rejected", weakKnowledge ? "missing-context" : Pick(("outdated-article", 5), ("other", 3), ("missing-context", 2)), 0);
            case "macros":
                if (_random.NextDouble() > 0.45) return null;
                return r < p + 0.05 ? new("accepted", null, 0) : new("rejected", Pick(("other", 5), ("policy", 3), ("wrong-tone", 2)), 0);
            case "draft":
                if (_random.NextDouble() > 0.9) return null;
                if (r < p * 0.4) return new("accepted", null, 0);
                if (r < p) return new("edited", null, Math.Clamp(editStyle + _random.Next(-1, 2), 0, 2));
                return new("rejected", weakKnowledge
                    ? Pick(("missing-context", 7), ("outdated-article", 3))
                    : Pick(("wrong-tone", 35), ("wrong-facts", 35), ("outdated-article", 20), ("policy", 10)), 0);
            default:
                return null;
        }
    }

    private string Pick(params (string Value, int Weight)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return choices[^1].Value;
    }
}
