namespace Copilot.Fakes.Zendesk;

// The demo data file's shapes (snake_case in JSON). Mutable so tests can stage new activity.

public sealed class FakeCompany
{
    public string Name { get; set; } = "Example Co";
    public string Subdomain { get; set; } = "example";
    [System.Text.Json.Serialization.JsonPropertyName("helpCenterUrl")] // the demo file spells this one in camelCase
    public string HelpCenterUrl { get; set; } = "https://example.zendesk.com/hc";
}

public sealed class FakeUser
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    /// <summary>"end-user", "agent" or "admin".</summary>
    public string Role { get; set; } = "end-user";
    public string? Locale { get; set; }
    public long? OrganizationId { get; set; }
    /// <summary>The agent's custom role (Enterprise), e.g. a team-lead role.</summary>
    public long? CustomRoleId { get; set; }
    /// <summary>False for a deleted or suspended user.</summary>
    public bool Active { get; set; } = true;
}

public sealed class FakeGroup
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
}

public sealed class FakeSection
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Locale { get; set; } = "en-us";
}

public sealed class FakeArticle
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public long SectionId { get; set; }
    public string Locale { get; set; } = "en-us";

    /// <summary>The locale the article was written in; a translation shares the article's id. Unset: <see cref="Locale"/>.</summary>
    public string? SourceLocale { get; set; }
    public List<string> LabelNames { get; set; } = [];
    public bool Draft { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>HTML.</summary>
    public string Body { get; set; } = "";
}

public sealed class FakeMacro
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>The reply text the macro writes (plain text, or HTML).</summary>
    public string Comment { get; set; } = "";
    public List<string> SetTags { get; set; } = [];
    public string? Status { get; set; }
}

public sealed class FakeTicket
{
    public long Id { get; set; }
    public string Subject { get; set; } = "";
    public string Status { get; set; } = "open";
    public string? Priority { get; set; }
    public long RequesterId { get; set; }
    public long? AssigneeId { get; set; }
    public long? GroupId { get; set; }
    /// <summary>problem, incident, question or task; null when unset.</summary>
    public string? Type { get; set; }
    public List<string> Tags { get; set; } = [];
    /// <summary>
    /// Custom field values by field id, as written through the API — of fields without options. A dropdown's or
    /// multi-select's value is not kept here: as in Zendesk, it is the options whose tags the ticket has
    /// (<see cref="FakeZendeskData.Chosen"/>).
    /// </summary>
    public Dictionary<long, string> CustomFields { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<FakeComment> Comments { get; set; } = [];
}

public sealed class FakeComment
{
    public long Id { get; set; }
    /// <summary>-1 for comments written by Zendesk itself (triggers, automations).</summary>
    public long AuthorId { get; set; }
    public bool Public { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public string HtmlBody { get; set; } = "";
}

/// <summary>A custom ticket field (Admin → Objects and rules → Ticket fields).</summary>
public sealed class FakeTicketField
{
    public long Id { get; set; }
    /// <summary>text, textarea, tagger (a dropdown), multiselect, checkbox, date, integer, decimal, regexp.</summary>
    public string Type { get; set; } = "text";
    public string Title { get; set; } = "";
    public bool Active { get; set; } = true;
    /// <summary>A tagger's or multiselect's options.</summary>
    public List<FakeFieldOption> Options { get; set; } = [];
}

/// <summary>A dropdown option: <see cref="Name"/> is its title, <see cref="Value"/> the tag a ticket takes.</summary>
public sealed class FakeFieldOption
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}
