using Copilot.Fakes.Helpdesk;

namespace Copilot.Fakes.Freshdesk;

/// <summary>The JSON objects Freshdesk returns (ticket, conversation, contact, agent, role, group, solution and canned-response objects).</summary>
internal static class FakeFreshdeskShapes
{
    public static Dictionary<string, object?> Ticket(FakeFdTicket ticket, bool description)
    {
        var shape = new Dictionary<string, object?>
        {
            ["cc_emails"] = Array.Empty<string>(),
            ["fwd_emails"] = Array.Empty<string>(),
            ["reply_cc_emails"] = Array.Empty<string>(),
            ["ticket_cc_emails"] = Array.Empty<string>(),
            ["fr_escalated"] = false,
            ["spam"] = false,
            ["email_config_id"] = null,
            ["group_id"] = ticket.GroupId,
            ["priority"] = ticket.Priority,
            ["requester_id"] = ticket.RequesterId,
            ["responder_id"] = ticket.ResponderId,
            ["source"] = ticket.Source,
            ["company_id"] = null,
            ["status"] = ticket.Status,
            ["subject"] = ticket.Subject,
            ["support_email"] = null,
            ["to_emails"] = null,
            ["product_id"] = null,
            ["id"] = ticket.Id,
            ["type"] = ticket.Type,
            ["due_by"] = FakeText.Time(ticket.CreatedAt.AddDays(3)),
            ["fr_due_by"] = FakeText.Time(ticket.CreatedAt.AddDays(1)),
            ["is_escalated"] = false,
            ["custom_fields"] = ticket.CustomFields.ToDictionary(f => f.Key, f => (object?)f.Value),
            ["created_at"] = FakeText.Time(ticket.CreatedAt),
            ["updated_at"] = FakeText.Time(ticket.UpdatedAt),
            ["associated_tickets_count"] = null,
            ["tags"] = ticket.Tags,
        };
        if (description)
        {
            shape["description"] = ticket.Description;
            shape["description_text"] = FakeText.PlainText(ticket.Description);
        }
        return shape;
    }

    /// <summary>A ticket's <c>requester</c> include: only these fields.</summary>
    public static Dictionary<string, object?> Requester(FakeFdContact contact) => new()
    {
        ["id"] = contact.Id,
        ["name"] = contact.Name,
        ["email"] = contact.Email,
        ["mobile"] = null,
        ["phone"] = contact.Phone,
    };

    public static Dictionary<string, object?> Conversation(FakeFdConversation c, long ticketId) => new()
    {
        ["body"] = c.Body,
        ["body_text"] = FakeText.PlainText(c.Body),
        ["id"] = c.Id,
        ["incoming"] = c.Incoming,
        ["private"] = c.Private,
        ["user_id"] = c.UserId,
        ["support_email"] = null,
        // 0 a reply, 2 a note.
        ["source"] = c.Private ? 2 : 0,
        ["category"] = c.Incoming ? 2 : 3,
        ["to_emails"] = Array.Empty<string>(),
        ["from_email"] = null,
        ["cc_emails"] = Array.Empty<string>(),
        ["bcc_emails"] = Array.Empty<string>(),
        ["email_failure_count"] = null,
        ["outgoing_failures"] = null,
        ["created_at"] = FakeText.Time(c.CreatedAt),
        ["updated_at"] = FakeText.Time(c.CreatedAt),
        ["attachments"] = Array.Empty<object>(),
        ["ticket_id"] = ticketId,
        ["source_additional_info"] = null,
    };

    public static Dictionary<string, object?> Contact(FakeFdContact contact) => new()
    {
        ["active"] = true,
        ["address"] = null,
        ["company_id"] = null,
        ["description"] = null,
        ["email"] = contact.Email,
        ["id"] = contact.Id,
        ["job_title"] = null,
        ["language"] = contact.Language,
        ["mobile"] = null,
        ["name"] = contact.Name,
        ["phone"] = contact.Phone,
        ["time_zone"] = "Amsterdam",
        ["twitter_id"] = null,
        ["custom_fields"] = new Dictionary<string, object?>(),
        ["created_at"] = "2026-01-05T09:00:00Z",
        ["updated_at"] = "2026-01-05T09:00:00Z",
    };

    public static Dictionary<string, object?> Agent(FakeFdAgent agent) => new()
    {
        ["available"] = true,
        ["occasional"] = false,
        ["id"] = agent.Id,
        ["ticket_scope"] = 1,
        ["signature"] = null,
        ["group_ids"] = agent.GroupIds,
        ["role_ids"] = agent.RoleIds,
        ["skill_ids"] = Array.Empty<long>(),
        ["available_since"] = null,
        ["type"] = agent.Type,
        ["contact"] = new Dictionary<string, object?>
        {
            ["active"] = agent.Active,
            ["email"] = agent.Email,
            ["job_title"] = null,
            ["language"] = agent.Language,
            ["last_login_at"] = "2026-03-01T08:00:00Z",
            ["mobile"] = null,
            ["name"] = agent.Name,
            ["phone"] = null,
            ["time_zone"] = "Amsterdam",
            ["created_at"] = "2025-11-03T09:00:00Z",
            ["updated_at"] = "2026-01-05T09:00:00Z",
        },
        ["created_at"] = "2025-11-03T09:00:00Z",
        ["updated_at"] = "2026-01-05T09:00:00Z",
    };

    public static Dictionary<string, object?> Folder(FakeFdFolder folder, int articles, int subfolders) => new()
    {
        ["id"] = folder.Id,
        ["name"] = folder.Name,
        ["description"] = folder.Description,
        ["parent_folder_id"] = folder.ParentFolderId,
        ["articles_count"] = articles,
        ["sub_folders_count"] = subfolders,
        ["visibility"] = folder.Visibility,
        ["created_at"] = "2025-11-03T09:00:00Z",
        ["updated_at"] = "2026-01-05T09:00:00Z",
    };

    /// <summary>An article in one language: the primary one, or <paramref name="translation"/>.</summary>
    public static Dictionary<string, object?> Article(FakeFdArticle article, long categoryId, FakeFdTranslation? translation = null)
    {
        var description = translation?.Description ?? article.Description;
        return new()
        {
            ["id"] = article.Id,
            ["type"] = 1,
            ["category_id"] = categoryId,
            ["folder_id"] = article.FolderId,
            ["thumbs_up"] = 0,
            ["thumbs_down"] = 0,
            ["hits"] = 0,
            ["seo_data"] = new Dictionary<string, object?>(),
            ["agent_id"] = article.AgentId,
            ["title"] = translation?.Title ?? article.Title,
            ["description"] = description,
            ["description_text"] = FakeText.PlainText(description),
            ["status"] = translation?.Status ?? article.Status,
            ["tags"] = article.Tags,
            ["created_at"] = FakeText.Time(article.CreatedAt),
            ["updated_at"] = FakeText.Time(translation?.UpdatedAt ?? article.UpdatedAt),
        };
    }

    public static Dictionary<string, object?> Canned(FakeFdCannedResponse response) => new()
    {
        ["id"] = response.Id,
        ["title"] = response.Title,
        ["folder_id"] = response.FolderId,
        ["content"] = FakeText.PlainText(response.ContentHtml),
        ["content_html"] = response.ContentHtml,
        ["attachments"] = Array.Empty<object>(),
        ["created_at"] = "2026-01-05T09:00:00Z",
        ["updated_at"] = "2026-01-05T09:00:00Z",
    };

    public static Dictionary<string, object?> Stamped(Dictionary<string, object?> shape)
    {
        shape["created_at"] = "2025-11-03T09:00:00Z";
        shape["updated_at"] = "2026-01-05T09:00:00Z";
        return shape;
    }
}
