using System.Globalization;
using System.Text.RegularExpressions;
using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Text;

namespace Copilot.Connectors.Freshdesk;

/// <summary>Freshdesk's wire shapes in the copilot's own terms.</summary>
internal static partial class FreshdeskMapping
{
    /// <summary>The ticket's description is not a conversation in Freshdesk; in the thread it is comment 0.</summary>
    public const long DescriptionId = 0;

    private const int OutboundEmail = 10;

    /// <summary>Freshdesk's placeholders in the names the copilot fills (see the API's <c>MacroText</c>).</summary>
    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ticket.requester.firstname"] = "ticket.requester.first_name",
        ["ticket.requester.lastname"] = "ticket.requester.last_name",
        ["ticket.from_email"] = "ticket.requester.email",
        ["ticket.agent.name"] = "current_user.name",
        ["ticket.agent.firstname"] = "current_user.first_name",
        ["ticket.agent.lastname"] = "current_user.last_name",
        ["ticket.subject"] = "ticket.title",
    };

    public static string Status(int? status) => FreshdeskStatuses.Term(status);

    public static bool IsSolved(int? status) => FreshdeskStatuses.IsSolved(status);

    public static string? Priority(int? priority) => priority switch
    {
        1 => "low",
        2 => "normal",
        3 => "high",
        4 => "urgent",
        _ => null,
    };

    /// <summary>The code Freshdesk writes for a priority word (1 low … 4 urgent); normal for a word it does not know.</summary>
    public static int PriorityCode(string priority) => priority.ToLowerInvariant() switch
    {
        "low" => 1,
        "high" => 3,
        "urgent" => 4,
        _ => 2,
    };

    public static HelpdeskUser Requester(FdTicket ticket)
    {
        var id = ticket.Requester?.Id ?? ticket.RequesterId ?? 0;
        var name = ticket.Requester?.Name;
        return new HelpdeskUser(id, string.IsNullOrWhiteSpace(name) ? StandIn(id) : name, ticket.Requester?.Email, AuthorRole.Customer, ticket.Requester?.Language);
    }

    public static HelpdeskTicket Ticket(FdTicket ticket, HelpdeskUser requester) => new(
        ticket.Id,
        ticket.Subject ?? string.Empty,
        Status(ticket.Status),
        Priority(ticket.Priority),
        requester,
        ticket.ResponderId,
        ticket.Tags ?? [],
        ticket.CreatedAt,
        ticket.UpdatedAt);

    /// <summary>
    /// The whole thread, oldest first: the ticket's description (by the requester, or by the agent when the
    /// ticket is an outbound email), then every conversation. A conversation by the requester, or one that came
    /// in from outside, is the customer's; any other is an agent's — a reply, or a private note when
    /// <c>private</c>. Agents are named from <paramref name="agents"/> when the account's agents are known.
    /// </summary>
    public static List<HelpdeskComment> Thread(FdTicket ticket, HelpdeskUser requester, IEnumerable<FdConversation> conversations,
        IReadOnlyDictionary<long, FdAgent>? agents)
    {
        var comments = new List<HelpdeskComment>();
        var description = Text(ticket.Description, ticket.DescriptionText);
        if (description.Length > 0)
        {
            var author = ticket.Source == OutboundEmail ? Agent(ticket.ResponderId ?? 0, agents) : requester;
            comments.Add(new HelpdeskComment(DescriptionId, author, true, description, ticket.CreatedAt));
        }
        foreach (var c in conversations.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id))
        {
            comments.Add(new HelpdeskComment(c.Id, Author(c, requester, agents), !c.Private, Text(c.Body, c.BodyText), c.CreatedAt));
        }
        return comments;
    }

    public static HelpdeskUser Author(FdConversation conversation, HelpdeskUser requester, IReadOnlyDictionary<long, FdAgent>? agents)
    {
        var id = conversation.UserId ?? 0;
        if (id == requester.Id)
        {
            return requester;
        }
        return conversation.Incoming && agents?.ContainsKey(id) != true
            ? new HelpdeskUser(id, StandIn(id), null, AuthorRole.Customer, null)
            : Agent(id, agents);
    }

    public static HelpdeskUser Agent(long id, IReadOnlyDictionary<long, FdAgent>? agents)
    {
        var contact = agents?.GetValueOrDefault(id)?.Contact;
        return new HelpdeskUser(id, string.IsNullOrWhiteSpace(contact?.Name) ? StandIn(id) : contact.Name, contact?.Email, AuthorRole.Agent, contact?.Language);
    }

    /// <summary>An article in one language; a translation keeps its own id (<c>{id}-{language}</c>) so each language is its own source.</summary>
    public static HelpdeskArticle Article(FdArticle article, string language, bool primary, Uri portal) => new(
        primary ? Id(article.Id) : $"{Id(article.Id)}-{language}",
        article.Title ?? string.Empty,
        Text(article.Description, article.DescriptionText),
        new Uri(portal, primary ? $"support/solutions/articles/{Id(article.Id)}" : $"{language}/support/solutions/articles/{Id(article.Id)}").ToString(),
        language,
        article.Tags ?? [],
        Draft: article.Status != 2,
        article.UpdatedAt);

    public static HelpdeskMacro Macro(FdCannedResponse response) => new(
        Id(response.Id), response.Title ?? string.Empty, null, MacroText(response), Active: true);

    /// <summary>A canned response's text with Freshdesk's placeholders renamed to the copilot's; unknown ones stay as written.</summary>
    public static string MacroText(FdCannedResponse response)
    {
        var text = Text(response.ContentHtml, response.Content);
        return Placeholder().Replace(text, m => Placeholders.TryGetValue(m.Groups[1].Value, out var ours) ? "{{" + ours + "}}" : m.Value);
    }

    public static string Text(string? html, string? plain) =>
        !string.IsNullOrWhiteSpace(html) ? HtmlText.ToText(html) : (plain ?? string.Empty).Replace("\r\n", "\n").Trim();

    /// <summary>How an unnamed person is written, as the API's <c>MacroText.KnownName</c> recognises it.</summary>
    public static string StandIn(long id) => $"User {id}";

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
