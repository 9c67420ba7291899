using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Threads;

/// <summary>What the customer and the agents said to each other: the thread's public messages of the two sides.</summary>
internal static class Turns
{
    /// <summary>The public comments of the customer and the agents, in order (internal notes and system comments left out).</summary>
    public static List<HelpdeskComment> Spoken(HelpdeskThread thread) =>
        thread.Comments.Where(c => c.Public && c.Author.Role is AuthorRole.Customer or AuthorRole.Agent).ToList();

    /// <summary>Whether an agent's public reply is the last public message, after the customer wrote: no reply is due.</summary>
    public static bool AnsweredLast(HelpdeskThread thread)
    {
        var spoken = Spoken(thread);
        return spoken.Count > 0 && spoken[^1].Author.Role == AuthorRole.Agent && spoken.Any(c => c.Author.Role == AuthorRole.Customer);
    }
}
