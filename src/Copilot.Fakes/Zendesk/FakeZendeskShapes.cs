using Copilot.Fakes.Helpdesk;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Zendesk;

/// <summary>The JSON objects Zendesk returns (TicketObject, TicketCommentObject, UserObject, ArticleObject, MacroObject).</summary>
internal static class FakeZendeskShapes
{
    public static string Api(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{path}";

    public static Dictionary<string, object?> User(HttpRequest request, FakeUser user) => new()
    {
        ["id"] = user.Id,
        ["url"] = Api(request, $"/api/v2/users/{user.Id}.json"),
        ["name"] = user.Name,
        ["email"] = user.Email,
        ["role"] = user.Role,
        ["locale"] = user.Locale,
        ["organization_id"] = user.OrganizationId,
        ["role_type"] = user.CustomRoleId is null ? (user.Role == "admin" ? 4 : null) : 0,
        ["custom_role_id"] = user.CustomRoleId,
        ["active"] = user.Active,
        ["verified"] = true,
        ["suspended"] = false,
        ["time_zone"] = "UTC",
        ["created_at"] = "2026-01-05T09:00:00Z",
        ["updated_at"] = "2026-01-05T09:00:00Z",
    };

    /// <param name="fields">The account's ticket fields: a dropdown's or multi-select's value is read from the ticket's tags.</param>
    public static Dictionary<string, object?> Ticket(HttpRequest request, FakeTicket ticket, IReadOnlyList<FakeTicketField> fields) => new()
    {
        ["id"] = ticket.Id,
        ["url"] = Api(request, $"/api/v2/tickets/{ticket.Id}.json"),
        ["subject"] = ticket.Subject,
        ["raw_subject"] = ticket.Subject,
        ["description"] = ticket.Comments.Count > 0 ? PlainText(ticket.Comments[0].HtmlBody) : "",
        ["status"] = ticket.Status,
        ["priority"] = ticket.Priority,
        ["type"] = ticket.Type,
        ["custom_fields"] = ticket.CustomFields.Select(f => new Dictionary<string, object?> { ["id"] = f.Key, ["value"] = f.Value })
            .Concat(fields.Where(f => f.Type is "tagger" or "multiselect").Select(f => (Field: f, Chosen: FakeZendeskData.Chosen(ticket, f)))
                .Where(f => f.Chosen.Count > 0)
                .Select(f => new Dictionary<string, object?> { ["id"] = f.Field.Id, ["value"] = f.Field.Type == "tagger" ? f.Chosen[0] : f.Chosen }))
            .ToList(),
        ["requester_id"] = ticket.RequesterId,
        ["submitter_id"] = ticket.RequesterId,
        ["assignee_id"] = ticket.AssigneeId,
        ["group_id"] = ticket.GroupId,
        ["tags"] = ticket.Tags,
        ["via"] = new Dictionary<string, object?> { ["channel"] = "email" },
        ["created_at"] = Time(ticket.CreatedAt),
        ["updated_at"] = Time(ticket.UpdatedAt),
    };

    public static Dictionary<string, object?> Comment(FakeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["type"] = "Comment",
        ["author_id"] = comment.AuthorId,
        ["body"] = PlainText(comment.HtmlBody),
        ["html_body"] = comment.HtmlBody,
        ["plain_body"] = PlainText(comment.HtmlBody),
        ["public"] = comment.Public,
        ["attachments"] = Array.Empty<object>(),
        ["audit_id"] = comment.Id + 1_000_000,
        ["via"] = new Dictionary<string, object?> { ["channel"] = comment.AuthorId == -1 ? "rule" : "web" },
        ["metadata"] = new Dictionary<string, object?>(),
        ["created_at"] = Time(comment.CreatedAt),
    };

    public static Dictionary<string, object?> Article(HttpRequest request, FakeCompany company, FakeArticle article) => new()
    {
        ["id"] = article.Id,
        ["url"] = Api(request, $"/api/v2/help_center/{article.Locale}/articles/{article.Id}.json"),
        ["html_url"] = $"{company.HelpCenterUrl.TrimEnd('/')}/{article.Locale}/articles/{article.Id}",
        ["author_id"] = 0,
        ["comments_disabled"] = false,
        ["draft"] = article.Draft,
        ["promoted"] = false,
        ["position"] = 0,
        ["vote_sum"] = 0,
        ["vote_count"] = 0,
        ["section_id"] = article.SectionId,
        ["created_at"] = Time(article.CreatedAt),
        ["updated_at"] = Time(article.UpdatedAt),
        ["edited_at"] = Time(article.UpdatedAt),
        ["name"] = article.Title,
        ["title"] = article.Title,
        ["source_locale"] = article.SourceLocale ?? article.Locale,
        ["locale"] = article.Locale,
        ["outdated"] = false,
        ["outdated_locales"] = Array.Empty<string>(),
        ["label_names"] = article.LabelNames,
        ["body"] = article.Body,
    };

    public static Dictionary<string, object?> Macro(HttpRequest request, FakeMacro macro)
    {
        var actions = new List<Dictionary<string, object?>>
        {
            new() { ["field"] = LooksLikeHtml(macro.Comment) ? "comment_value_html" : "comment_value", ["value"] = macro.Comment },
        };
        if (macro.SetTags.Count > 0)
        {
            actions.Add(new() { ["field"] = "set_tags", ["value"] = string.Join(' ', macro.SetTags) });
        }
        if (!string.IsNullOrEmpty(macro.Status))
        {
            actions.Add(new() { ["field"] = "status", ["value"] = macro.Status });
        }
        return new()
        {
            ["id"] = macro.Id,
            ["url"] = Api(request, $"/api/v2/macros/{macro.Id}.json"),
            ["title"] = macro.Title,
            ["description"] = macro.Description,
            ["active"] = macro.Active,
            ["position"] = 0,
            ["restriction"] = null,
            ["actions"] = actions,
        };
    }

    /// <summary>Show Ticket Field's <c>ticket_field</c> (the spec's TicketFieldObject); options only for a dropdown or multi-select.</summary>
    public static Dictionary<string, object?> TicketField(HttpRequest request, FakeTicketField field) => new()
    {
        ["url"] = Api(request, $"/api/v2/ticket_fields/{field.Id}.json"),
        ["id"] = field.Id,
        ["type"] = field.Type,
        ["title"] = field.Title,
        ["raw_title"] = field.Title,
        ["description"] = "",
        ["raw_description"] = "",
        ["agent_description"] = null,
        ["position"] = 9999,
        ["active"] = field.Active,
        ["required"] = false,
        ["collapsed_for_agents"] = false,
        ["regexp_for_validation"] = null,
        ["title_in_portal"] = field.Title,
        ["raw_title_in_portal"] = field.Title,
        ["visible_in_portal"] = false,
        ["editable_in_portal"] = false,
        ["required_in_portal"] = false,
        ["tag"] = null,
        ["removable"] = true,
        ["created_at"] = "2025-11-03T09:00:00Z",
        ["updated_at"] = "2026-01-05T09:00:00Z",
        ["custom_field_options"] = field.Type is "tagger" or "multiselect"
            ? field.Options.Select(o => new Dictionary<string, object?>
            {
                ["id"] = o.Id,
                ["name"] = o.Name,
                ["raw_name"] = o.Name,
                ["value"] = o.Value,
                ["default"] = false,
                ["url"] = Api(request, $"/api/v2/ticket_fields/{field.Id}/options/{o.Id}.json"),
            }).ToList()
            : null,
    };

    public static string Time(DateTimeOffset at) => FakeText.Time(at);

    /// <summary>A rough plain-text version of comment HTML, as Zendesk's own <c>body</c>/<c>plain_body</c>.</summary>
    public static string PlainText(string html) => FakeText.PlainText(html);

    private static bool LooksLikeHtml(string text) => FakeText.LooksLikeHtml(text);
}
