namespace Copilot.Fakes.Freshdesk;

// The Freshdesk demo data file's shapes (snake_case in JSON). Mutable so tests can stage new activity.

public sealed class FakeFdCompany
{
    public string Name { get; set; } = "Example Co";
    /// <summary>The account's subdomain (<c>{domain}.freshdesk.com</c>).</summary>
    public string Domain { get; set; } = "example";
}

/// <summary>What <c>GET /api/v2/settings/helpdesk</c> answers.</summary>
public sealed class FakeFdSettings
{
    public string PrimaryLanguage { get; set; } = "en";
    public List<string> SupportedLanguages { get; set; } = [];
    public List<string> PortalLanguages { get; set; } = [];
}

public sealed class FakeFdRole
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>One of Freshdesk's own roles (Account Administrator, Administrator, Supervisor, Agent).</summary>
    public bool Default { get; set; }
}

public sealed class FakeFdGroup
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<long> AgentIds { get; set; } = [];
}

public sealed class FakeFdAgent
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Language { get; set; } = "en";
    /// <summary>support_agent, field_agent or collaborator.</summary>
    public string Type { get; set; } = "support_agent";
    public List<long> RoleIds { get; set; } = [];
    public List<long> GroupIds { get; set; } = [];
    public bool Active { get; set; } = true;
}

public sealed class FakeFdContact
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string Language { get; set; } = "en";
    public string? CompanyName { get; set; }
}

public sealed class FakeFdCategory
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

public sealed class FakeFdFolder
{
    public long Id { get; set; }
    public long CategoryId { get; set; }
    /// <summary>Set on a subfolder.</summary>
    public long? ParentFolderId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>1 all users, 2 logged-in users, 3 agents only, 4 selected companies.</summary>
    public int Visibility { get; set; } = 1;
}

/// <summary>A solution article in the primary language, with its translations.</summary>
public sealed class FakeFdArticle
{
    public long Id { get; set; }
    public long FolderId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>HTML.</summary>
    public string Description { get; set; } = "";
    /// <summary>1 draft, 2 published.</summary>
    public int Status { get; set; } = 2;
    public long AgentId { get; set; }
    public List<string> Tags { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<FakeFdTranslation> Translations { get; set; } = [];
}

public sealed class FakeFdTranslation
{
    public string Language { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int Status { get; set; } = 2;
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class FakeFdCannedFolder
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The API user's own folder.</summary>
    public bool Personal { get; set; }
}

public sealed class FakeFdCannedResponse
{
    public long Id { get; set; }
    public long FolderId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>HTML, with Freshdesk's placeholders (<c>{{ticket.requester.firstname}}</c>).</summary>
    public string ContentHtml { get; set; } = "";
}

public sealed class FakeFdTicket
{
    public long Id { get; set; }
    public string Subject { get; set; } = "";
    /// <summary>2 open, 3 pending, 4 resolved, 5 closed.</summary>
    public int Status { get; set; } = 2;
    /// <summary>1 low, 2 medium, 3 high, 4 urgent.</summary>
    public int Priority { get; set; } = 2;
    /// <summary>1 email, 2 portal, 3 phone, 7 chat, 9 feedback widget, 10 outbound email.</summary>
    public int Source { get; set; } = 1;
    public string? Type { get; set; }
    public long RequesterId { get; set; }
    public long? ResponderId { get; set; }
    public long? GroupId { get; set; }
    public List<string> Tags { get; set; } = [];
    /// <summary>Custom field values by name (<c>cf_…</c>), as written through the API.</summary>
    public Dictionary<string, string> CustomFields { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The first message, HTML. Not a conversation.</summary>
    public string Description { get; set; } = "";
    public List<FakeFdConversation> Conversations { get; set; } = [];
}

/// <summary>A reply or a note after the ticket's description.</summary>
public sealed class FakeFdConversation
{
    public long Id { get; set; }
    public long UserId { get; set; }
    /// <summary>Came from outside: the customer, or anyone replying by email.</summary>
    public bool Incoming { get; set; }
    /// <summary>A private note.</summary>
    public bool Private { get; set; }
    /// <summary>HTML.</summary>
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A custom ticket field (Admin → Ticket fields); Freshdesk names it <c>cf_…</c>.</summary>
public sealed class FakeFdTicketField
{
    public long Id { get; set; }
    /// <summary>The key a ticket's <c>custom_fields</c> use: <c>cf_…</c>.</summary>
    public string Name { get; set; } = "";
    public string Label { get; set; } = "";
    /// <summary>custom_text, custom_paragraph, custom_dropdown, custom_checkbox, custom_number, custom_date.</summary>
    public string Type { get; set; } = "custom_text";
    /// <summary>A dropdown's choices: the values it takes, as agents see them.</summary>
    public List<string> Choices { get; set; } = [];
}
