using Microsoft.Extensions.Options;

namespace Copilot.Api.Ask;

/// <summary>One question and the answer it got, as a follow-up reads them.</summary>
public sealed record AskTurn(string Question, string Answer);

/// <summary>A conversation as a question finds it: its id, the earlier turns (oldest first) and whether it went on from one.</summary>
public sealed record AskConversation(string Id, IReadOnlyList<AskTurn> Earlier, bool Continued);

/// <summary>
/// The conversations of the ask, per tenant, agent and ticket, in this process's memory: derived data a follow-up
/// needs for a while, never anything that must survive (a lost conversation only means the next question starts a
/// new one). A conversation idle for <see cref="AskOptions.ConversationIdleMinutes"/> is forgotten, and past
/// <see cref="AskOptions.MaxConversations"/> the longest idle one goes first. An id is only found by the tenant, agent
/// and ticket that started it: anyone else's, or an unknown one, starts a new conversation.
/// </summary>
public sealed class AskConversations(IOptions<AskOptions> options, TimeProvider time)
{
    private sealed class Entry
    {
        public required List<AskTurn> Turns { get; init; }
        public DateTimeOffset LastUsed { get; set; }
        public int TurnsAsked { get; set; }
    }

    private readonly Dictionary<(string Tenant, string Agent, long Ticket, string Id), Entry> _conversations = [];
    private readonly Lock _sync = new();

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _conversations.Count;
            }
        }
    }

    /// <summary>The conversation <paramref name="id"/> continues, or a new one (with a new id) when there is none to continue.</summary>
    public AskConversation Find(string tenant, string? agent, long ticketId, string? id)
    {
        var now = time.GetUtcNow();
        lock (_sync)
        {
            if (id is not null && _conversations.TryGetValue(Key(tenant, agent, ticketId, id), out var entry))
            {
                if (!Idle(entry, now))
                {
                    return new AskConversation(id, [.. entry.Turns], Continued: true);
                }
                _conversations.Remove(Key(tenant, agent, ticketId, id));
            }
        }
        return new AskConversation("cv_" + Guid.CreateVersion7().ToString("N"), [], Continued: false);
    }

    /// <summary>Adds a turn (keeping the newest <see cref="AskOptions.MaxTurns"/>); returns its number in the conversation, from 1.</summary>
    public int Add(string tenant, string? agent, long ticketId, string id, AskTurn turn)
    {
        var now = time.GetUtcNow();
        var max = options.Value.MaxTurns;
        lock (_sync)
        {
            var key = Key(tenant, agent, ticketId, id);
            if (!_conversations.TryGetValue(key, out var entry))
            {
                MakeRoom(now);
                entry = new Entry { Turns = [] };
                _conversations[key] = entry;
            }
            entry.Turns.Add(turn);
            entry.TurnsAsked++;
            if (entry.Turns.Count > max)
            {
                entry.Turns.RemoveRange(0, entry.Turns.Count - max);
            }
            entry.LastUsed = now;
            return entry.TurnsAsked;
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var idle in _conversations.Where(c => Idle(c.Value, now)).Select(c => c.Key).ToList())
        {
            _conversations.Remove(idle);
        }
        var over = _conversations.Count - options.Value.MaxConversations + 1;
        if (over > 0)
        {
            foreach (var oldest in _conversations.OrderBy(c => c.Value.LastUsed).Take(over).Select(c => c.Key).ToList())
            {
                _conversations.Remove(oldest);
            }
        }
    }

    private bool Idle(Entry entry, DateTimeOffset now) => now - entry.LastUsed >= TimeSpan.FromMinutes(options.Value.ConversationIdleMinutes);

    private static (string, string, long, string) Key(string tenant, string? agent, long ticketId, string id) => (tenant, agent ?? "", ticketId, id);
}
