using System.Text.Json;
using System.Text.Json.Serialization;

namespace Copilot.Connectors.Zendesk;

// Only the fields the copilot reads; see specs/zendesk-support-oas.yaml and zendesk-help-center-oas.yaml.

internal sealed record ZdUser(long Id, string? Name, string? Email, string? Role, string? Locale, long? CustomRoleId = null, bool? Active = null);

internal sealed record ZdUserResponse(ZdUser? User);

internal sealed record ZdUsersResponse(List<ZdUser>? Users);

internal sealed record ZdTicket(
    long Id,
    string? Subject,
    string? Description,
    string? Status,
    string? Priority,
    long? RequesterId,
    long? AssigneeId,
    List<string>? Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ResultType = null,
    string? RawSubject = null,
    long? GroupId = null);

internal sealed record ZdTicketResponse(ZdTicket? Ticket, List<ZdUser>? Users);

internal sealed record ZdMacroComment(string? Body, string? HtmlBody, bool? Public);

internal sealed record ZdTicketAfterMacro(ZdMacroComment? Comment, string? Status, List<string>? Tags, long? GroupId, long? AssigneeId);

internal sealed record ZdMacroApplyResult(ZdTicketAfterMacro? Ticket);

internal sealed record ZdMacroApplyResponse(ZdMacroApplyResult? Result);

internal sealed record ZdVia(string? Channel);

internal sealed record ZdComment(
    long Id,
    long? AuthorId,
    string? Body,
    string? HtmlBody,
    string? PlainBody,
    bool Public,
    DateTimeOffset CreatedAt,
    ZdVia? Via);

internal sealed record ZdCursorMeta(bool HasMore, string? AfterCursor);

internal sealed record ZdLinks(string? Next);

internal sealed record ZdCommentsResponse(List<ZdComment>? Comments, List<ZdUser>? Users, ZdCursorMeta? Meta, ZdLinks? Links);

internal sealed record ZdLocalesResponse(List<string>? Locales, string? DefaultLocale);

internal sealed record ZdArticle(
    long Id,
    string? Title,
    string? Body,
    string? HtmlUrl,
    string? Locale,
    string? SourceLocale,
    List<string>? LabelNames,
    bool Draft,
    DateTimeOffset UpdatedAt);

internal sealed record ZdArticlesResponse(List<ZdArticle>? Articles, string? NextPage, long? EndTime, ZdCursorMeta? Meta, ZdLinks? Links);

/// <summary>A macro action; <c>value</c> is a string, or for some fields an array.</summary>
internal sealed record ZdMacroAction(string? Field, JsonElement Value);

internal sealed record ZdMacro(long Id, string? Title, string? Description, bool Active, List<ZdMacroAction>? Actions);

internal sealed record ZdMacrosResponse(List<ZdMacro>? Macros, string? NextPage);

internal sealed record ZdGroup(long Id, string? Name, bool? Deleted);

internal sealed record ZdGroupsResponse(List<ZdGroup>? Groups, string? NextPage);

internal sealed record ZdSearchResponse(List<ZdTicket>? Results, string? NextPage);

internal sealed record ZdIncrementalTicketsResponse(List<ZdTicket>? Tickets, string? AfterCursor, bool EndOfStream);

/// <summary>A dropdown option: <c>name</c> is what agents see, <c>value</c> the tag written.</summary>
internal sealed record ZdFieldOption(long Id, string? Name, string? RawName, string? Value);

/// <param name="Type">text, textarea, tagger (a dropdown), multiselect, checkbox, date, integer, decimal, regexp, lookup… or a system field's type.</param>
internal sealed record ZdTicketField(long Id, string? Type, string? Title, bool? Active, List<ZdFieldOption>? CustomFieldOptions);

internal sealed record ZdTicketFieldResponse(ZdTicketField? TicketField);

internal static class ZendeskJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>How the Zendesk API's Refit client reads bodies: Zendesk's snake_case JSON.</summary>
    public static readonly Refit.RefitSettings Refit = new(new Refit.SystemTextJsonContentSerializer(Options));
}
