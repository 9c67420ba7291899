using System.Text.Json;
using System.Text.Json.Serialization;

namespace Copilot.Connectors.Freshdesk;

// Only the fields the copilot reads, in Freshdesk's snake_case (REST API v2).

/// <summary>A contact; as a ticket's <c>requester</c> include only id, name, email, mobile and phone.</summary>
internal sealed record FdContact(long Id, string? Name, string? Email, string? Language = null, bool? Active = null);

/// <param name="Status">2 open, 3 pending, 4 resolved, 5 closed; 6 and above the account's own.</param>
/// <param name="Priority">1 low, 2 medium, 3 high, 4 urgent.</param>
/// <param name="Source">1 email, 2 portal, 3 phone, 7 chat, 9 feedback widget, 10 outbound email.</param>
internal sealed record FdTicket(
    long Id,
    string? Subject,
    string? Description,
    string? DescriptionText,
    int? Status,
    int? Priority,
    int? Source,
    long? RequesterId,
    long? ResponderId,
    long? GroupId,
    List<string>? Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    FdContact? Requester = null);

/// <param name="Incoming">Came from outside the helpdesk (the customer, or anyone replying by email).</param>
/// <param name="Private">A private note, seen by agents only.</param>
internal sealed record FdConversation(
    long Id,
    string? Body,
    string? BodyText,
    bool Incoming,
    bool Private,
    long? UserId,
    int? Source,
    DateTimeOffset CreatedAt);

internal sealed record FdHelpdeskSettings(string? PrimaryLanguage, List<string>? SupportedLanguages, List<string>? PortalLanguages);

internal sealed record FdCategory(long Id, string? Name);

/// <param name="Visibility">1 all users, 2 logged-in users, 3 agents only, 4 selected companies (and others on newer accounts).</param>
internal sealed record FdFolder(long Id, string? Name, int? Visibility, int? SubFoldersCount);

/// <param name="Status">1 draft, 2 published.</param>
internal sealed record FdArticle(
    long Id,
    string? Title,
    string? Description,
    string? DescriptionText,
    int? Status,
    long? FolderId,
    List<string>? Tags,
    DateTimeOffset UpdatedAt);

internal sealed record FdCannedFolder(long Id, string? Name, bool? Personal);

internal sealed record FdCannedResponse(long Id, string? Title, string? Content, string? ContentHtml, long? FolderId);

internal sealed record FdAgentContact(string? Name, string? Email, string? Language, bool? Active);

/// <param name="Type">support_agent, field_agent or collaborator.</param>
internal sealed record FdAgent(long Id, string? Type, FdAgentContact? Contact, List<long>? RoleIds, List<long>? GroupIds);

internal sealed record FdRole(long Id, string? Name, bool? Default);

internal sealed record FdGroup(long Id, string? Name);

/// <param name="Type">default_… for Freshdesk's own fields; custom_text, custom_paragraph, custom_dropdown, custom_checkbox, custom_number, custom_date, nested_field… for the account's.</param>
/// <param name="Choices">A custom dropdown's choices: a list of strings; a default field's are an object (priority name → code, status code → names).</param>
internal sealed record FdTicketField(long Id, string? Name, string? Label, string? Type, JsonElement Choices);

internal static class FreshdeskJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>How the Freshdesk API's Refit client reads bodies.</summary>
    public static readonly Refit.RefitSettings Refit = new(new Refit.SystemTextJsonContentSerializer(Options));
}
