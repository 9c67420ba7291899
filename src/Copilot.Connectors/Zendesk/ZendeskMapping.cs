using System.Text.Json;
using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Text;

namespace Copilot.Connectors.Zendesk;

/// <summary>Wire shapes to the copilot's helpdesk records.</summary>
internal static class ZendeskMapping
{
    /// <summary>Zendesk writes system comments (triggers, automations) with author -1.</summary>
    private const long SystemAuthorId = -1;

    private static readonly HashSet<string> SystemChannels = new(StringComparer.OrdinalIgnoreCase) { "rule", "system", "api" };

    public static AuthorRole Role(string? role) => role?.ToLowerInvariant() switch
    {
        "end-user" or "end_user" or "enduser" => AuthorRole.Customer,
        "agent" or "admin" => AuthorRole.Agent,
        _ => AuthorRole.System,
    };

    public static HelpdeskUser User(ZdUser user) =>
        new(user.Id, string.IsNullOrWhiteSpace(user.Name) ? $"User {user.Id}" : user.Name, user.Email, Role(user.Role), user.Locale);

    public static void AddUsers(Dictionary<long, HelpdeskUser> users, List<ZdUser>? sideloaded)
    {
        foreach (var user in sideloaded ?? [])
        {
            users[user.Id] = User(user);
        }
    }

    /// <summary>
    /// The comment's author from the sideloaded users. An author Zendesk did not sideload is a
    /// system writer when the comment came from a rule or has author -1; otherwise the requester
    /// if the ids match, else an unnamed agent-side user.
    /// </summary>
    public static HelpdeskUser Author(ZdComment comment, IReadOnlyDictionary<long, HelpdeskUser> users, HelpdeskUser requester)
    {
        var id = comment.AuthorId ?? SystemAuthorId;
        if (users.TryGetValue(id, out var user))
        {
            return user;
        }
        if (id == requester.Id)
        {
            return requester;
        }
        if (id == SystemAuthorId || SystemChannels.Contains(comment.Via?.Channel ?? ""))
        {
            return new HelpdeskUser(id, "Zendesk", null, AuthorRole.System, null);
        }
        return new HelpdeskUser(id, $"User {id}", null, AuthorRole.System, null);
    }

    public static string CommentText(ZdComment comment) =>
        !string.IsNullOrWhiteSpace(comment.HtmlBody) ? HtmlText.ToText(comment.HtmlBody)
        : !string.IsNullOrWhiteSpace(comment.PlainBody) ? HtmlText.ToText(comment.PlainBody)
        : HtmlText.ToText(comment.Body);

    public static HelpdeskTicket Ticket(ZdTicket ticket, HelpdeskUser requester) => new(
        ticket.Id,
        ticket.Subject ?? string.Empty,
        ticket.Status ?? "unknown",
        ticket.Priority,
        requester,
        ticket.AssigneeId,
        ticket.Tags ?? [],
        ticket.CreatedAt,
        ticket.UpdatedAt);

    /// <summary>
    /// One article in one language. A translation shares its article's id on Zendesk, so it is told apart as
    /// <c>{id}-{locale}</c> (as Freshdesk's are): each language is its own source, and none overwrites another.
    /// </summary>
    public static HelpdeskArticle Article(ZdArticle article, string locale) => new(
        ArticleId(article, article.Locale ?? locale),
        article.Title ?? string.Empty,
        HtmlText.ToText(article.Body),
        article.HtmlUrl ?? string.Empty,
        article.Locale ?? locale,
        article.LabelNames ?? [],
        article.Draft,
        article.UpdatedAt);

    private static string ArticleId(ZdArticle article, string locale)
    {
        var id = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return article.SourceLocale is null || string.Equals(article.SourceLocale, locale, StringComparison.OrdinalIgnoreCase) ? id : $"{id}-{locale}";
    }

    public static HelpdeskMacro Macro(ZdMacro macro) => new(
        macro.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        macro.Title ?? string.Empty,
        macro.Description,
        MacroText(macro.Actions),
        macro.Active);

    /// <summary>The reply a macro writes: its comment_value_html action, else its comment_value action.</summary>
    public static string MacroText(List<ZdMacroAction>? actions)
    {
        var html = actions?.FirstOrDefault(a => a.Field == "comment_value_html");
        if (html is not null && ActionValue(html.Value) is { Length: > 0 } h)
        {
            return HtmlText.ToText(h);
        }
        var plain = actions?.FirstOrDefault(a => a.Field == "comment_value");
        var text = plain is null ? null : ActionValue(plain.Value);
        return text is null ? string.Empty : HtmlText.LooksLikeHtml(text) ? HtmlText.ToText(text) : text.Replace("\r\n", "\n").Trim();
    }

    // comment_value is a string, or ["channel:all", "text"] when the macro targets a channel.
    private static string? ActionValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).LastOrDefault(),
        _ => null,
    };
}
