using System.Globalization;
using System.Text;
using Copilot.Api.Boundaries;
using Copilot.Api.Knowledge;
using Copilot.Api.Privacy;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.ModelTasks;

/// <summary>
/// Renders a ticket thread and retrieved sources as fenced data, redacting personal data on the
/// way when the tenant asks for it (with the ticket's map, <see cref="MapFor"/>). Pure: the same thread gives the same text and placeholders.
/// What a customer's message addresses to an AI assistant ("Ignore your previous instructions…", <see cref="AddressedToAi"/>)
/// is left out, as every offline reading of the thread leaves it out, and <see cref="LeftOut"/> says so in its place: the
/// fence tells the model ticket text is data, and this is the second line of defence. Agents' comments are kept whole.
/// </summary>
public static class ThreadPrompt
{
    /// <summary>Longest thread text sent; older comments (after the first) are left out beyond it.</summary>
    public const int MaxThreadChars = 24_000;

    /// <summary>What the model reads where a message's text for an AI assistant was left out.</summary>
    public const string LeftOut = "(Part of this message was written to an AI assistant; it is left out.)";

    public static string Thread(HelpdeskThread thread, bool includeInternalNotes, RedactionMap? map)
    {
        var comments = thread.Comments.Where(c => c.Public || includeInternalNotes).ToList();
        var kept = Budget(comments);
        var text = new StringBuilder(MaxThreadChars + 1024);
        text.Append(PromptFence.Wrap(Redact(ForModel(thread.Ticket.Subject, AuthorRole.Customer), map), PromptFence.TicketTag, "subject")).Append('\n');
        for (var i = 0; i < comments.Count; i++)
        {
            if (!kept[i])
            {
                continue;
            }
            var c = comments[i];
            var label = string.Create(CultureInfo.InvariantCulture,
                $"comment {i + 1}, {Role(c.Author.Role)}{(c.Public ? "" : ", internal note")}, {c.CreatedAt:yyyy-MM-dd}");
            text.Append(PromptFence.Wrap(Redact(ForModel(c.Text, c.Author.Role), map), PromptFence.TicketTag, label)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Numbered sources, [1] first. Past replies to other customers lose their personal data outright.</summary>
    public static string Sources(IReadOnlyList<KnowledgeHit> sources)
    {
        if (sources.Count == 0)
        {
            return "(no sources)\n";
        }
        var text = new StringBuilder();
        for (var i = 0; i < sources.Count; i++)
        {
            text.Append(Source(sources[i], i + 1)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>One source as the model is shown it: fenced, labelled with its number, kind, title and (not for a past reply) link.</summary>
    public static string Source(KnowledgeHit s, int number)
    {
        // A past reply's link opens another customer's ticket in the helpdesk: the model is not shown it.
        var link = s.Kind == SourceKind.PastReply ? null : s.Url;
        var label = $"[{number}] {KindName(s.Kind)}: {s.Title}{(link is { Length: > 0 } url ? " — " + url : "")}";
        var passage = s.Kind == SourceKind.PastReply ? Scrub(s.Passage) : s.Passage;
        return PromptFence.Wrap(passage, PromptFence.SourceTag, label);
    }

    /// <summary>
    /// A ticket's redaction map: it knows the names the helpdesk gives the ticket's customers (its requester, and customers
    /// who wrote in the thread), so they are redacted wherever they appear.
    /// </summary>
    public static RedactionMap MapFor(HelpdeskThread thread)
    {
        var map = new RedactionMap();
        map.KnowNames(thread.Comments.Where(c => c.Author.Role == AuthorRole.Customer).Select(c => c.Author.Name).Prepend(thread.Ticket.Requester.Name));
        return map;
    }

    public static string Redact(string text, RedactionMap? map) => map is null ? text : PiiRedactor.Redact(text, map);

    /// <summary>The text as the model reads it: a customer's without what it writes to an AI assistant, and <see cref="LeftOut"/> after it.</summary>
    public static string ForModel(string text, AuthorRole author)
    {
        if (author == AuthorRole.Agent || !AddressedToAi.Holds(text))
        {
            return text;
        }
        var kept = AddressedToAi.Without(text).Trim();
        return kept.Length == 0 ? LeftOut : kept + "\n" + LeftOut;
    }

    private static string Scrub(string text)
    {
        var redacted = PiiRedactor.Redact(text).Text;
        return RedactionMap.Placeholder().Replace(redacted, "(removed)");
    }

    /// <summary>The first comment says what the ticket is about; the newest say where it stands.</summary>
    private static bool[] Budget(List<HelpdeskComment> comments)
    {
        var kept = new bool[comments.Count];
        var used = 0;
        for (var i = comments.Count - 1; i >= 0; i--)
        {
            var first = i == 0;
            if (used + comments[i].Text.Length > MaxThreadChars && !first && i != comments.Count - 1)
            {
                continue;
            }
            kept[i] = true;
            used += comments[i].Text.Length;
        }
        return kept;
    }

    private static string Role(AuthorRole role) => role switch
    {
        AuthorRole.Customer => "customer",
        AuthorRole.Agent => "agent",
        _ => "system",
    };

    public static string KindName(SourceKind kind) => kind switch
    {
        SourceKind.Article => "article",
        SourceKind.Macro => "macro",
        SourceKind.PastReply => "past reply",
        SourceKind.Lookup => "lookup",
        _ => "document",
    };
}
