using Refit;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// Every Zendesk endpoint the copilot calls, declared once (Support and Help Center REST API v2;
/// see specs/zendesk-support-oas.yaml and zendesk-help-center-oas.yaml). Refit implements it over the
/// one "zendesk" transport: per-tenant credentials, resilience and back-off are the transport's, not
/// the caller's. <see cref="ZendeskClientFactory"/> binds it to a tenant; it is never resolved alone.
/// Paged lists take the query of the first page, then the query of the link Zendesk sent for the next.
/// </summary>
internal interface IZendeskApi
{
    [Get("/api/v2/tickets/{ticketId}?include=users")]
    Task<ZdTicketResponse> GetTicketAsync(long ticketId, CancellationToken cancellationToken);

    [Get("/api/v2/tickets/{ticketId}/comments")]
    Task<ZdCommentsResponse> GetCommentsAsync(long ticketId, [Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/search")]
    Task<ZdSearchResponse> SearchAsync([Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    /// <summary>Incremental ticket export, cursor based: <c>start_time</c> first, then the <c>cursor</c> of the last page (admins only).</summary>
    [Get("/api/v2/incremental/tickets/cursor.json")]
    Task<ZdIncrementalTicketsResponse> ExportTicketsAsync([Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/help_center/locales")]
    Task<ZdLocalesResponse> GetLocalesAsync(CancellationToken cancellationToken);

    [Get("/api/v2/help_center/{locale}/articles")]
    Task<ZdArticlesResponse> GetArticlesAsync(string locale, [Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/macros/active")]
    Task<ZdMacrosResponse> GetActiveMacrosAsync([Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    /// <summary>Show Ticket After Changes: the ticket as the macro would leave it; nothing is changed.</summary>
    [Get("/api/v2/tickets/{ticketId}/macros/{macroId}/apply")]
    Task<ZdMacroApplyResponse> GetTicketAfterMacroAsync(long ticketId, long macroId, CancellationToken cancellationToken);

    [Get("/api/v2/users/{userId}")]
    Task<ZdUserResponse> GetUserAsync(long userId, CancellationToken cancellationToken);

    [Get("/api/v2/users")]
    Task<ZdUsersResponse> ListUsersAsync(
        [AliasAs("role[]")][Query(CollectionFormat.Multi)] IEnumerable<string> roles,
        [AliasAs("page[size]")] int pageSize,
        CancellationToken cancellationToken);

    [Get("/api/v2/groups")]
    Task<ZdGroupsResponse> ListGroupsAsync([Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    /// <summary>The PEM public key Zendesk signs this app's page loads with (plain text, not JSON).</summary>
    [Get("/api/v2/apps/{appId}/public_key.pem")]
    Task<string> GetAppPublicKeyAsync(long appId, CancellationToken cancellationToken);

    /// <summary>Show Ticket Field: its type, and a dropdown's (<c>tagger</c>) options with their tags.</summary>
    [Get("/api/v2/ticket_fields/{fieldId}")]
    Task<ZdTicketFieldResponse> GetTicketFieldAsync(long fieldId, CancellationToken cancellationToken);

    /// <summary>Updates a ticket: the fields sent, <c>additional_tags</c> added to its tags, a <c>comment</c> with <c>public: false</c> as an internal note.</summary>
    [Put("/api/v2/tickets/{ticketId}")]
    Task<ZdTicketResponse> UpdateTicketAsync(long ticketId, [Body] Dictionary<string, object> body, CancellationToken cancellationToken);
}
