using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Intents;

/// <summary>
/// What the intent model reads, the same for a solved ticket it learns from and a ticket it labels:
/// the subject and the customer's opening message (where the request is stated), cleaned of
/// greetings, quotes and signatures, and capped.
/// </summary>
public static class IntentText
{
    public const int MaxChars = 1000;

    public static string Of(HelpdeskThread thread) =>
        Compose(thread.Ticket.Subject, thread.Comments.FirstOrDefault(c => c.Public && c.Author.Role == AuthorRole.Customer)?.Text);

    public static string Of(SolvedTicket ticket) => Compose(ticket.Subject, ticket.CustomerText);

    private static string Compose(string? subject, string? opening)
    {
        var body = opening is null ? "" : ThreadText.Clean(opening);
        var text = $"{subject}\n{(body.Length > 0 ? body : opening)}".Trim();
        if (text.Length <= MaxChars)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', MaxChars);
        return text[..(cut > MaxChars / 2 ? cut : MaxChars)];
    }

    /// <summary>
    /// The one intent a ticket's tags name ("refund_request" names "refund-request": case, '-', '_' and
    /// spaces are the same); null when no tag, or tags of more than one intent, name one — a guess would teach noise.
    /// </summary>
    public static string? FromTags(IEnumerable<string> tags, IReadOnlyList<string> intents)
    {
        var byKey = intents.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var named = tags.Select(t => byKey.GetValueOrDefault(Key(t))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    private static string Key(string name) =>
        new(name.Trim().ToLowerInvariant().Select(c => c is '-' or ' ' ? '_' : c).ToArray());
}
