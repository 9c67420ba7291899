using Refit;

namespace Copilot.Connectors.Freshdesk;

/// <summary>
/// Every Freshdesk endpoint the copilot calls, declared once (REST API v2). Refit implements it over the one
/// "freshdesk" transport: per-tenant credentials, resilience, back-off and the rate budget are the
/// transport's, not the caller's. <see cref="FreshdeskClientFactory"/> binds it to a tenant; it is never
/// resolved alone. Lists are paged by <c>page</c>/<c>per_page</c> with a <c>Link: &lt;…&gt;; rel="next"</c>
/// header while more remain: they take the query of the first page, then the query of that link.
/// </summary>
internal interface IFreshdeskApi
{
    /// <summary>The ticket with its requester (one extra API credit).</summary>
    [Get("/api/v2/tickets/{ticketId}?include=requester")]
    Task<FdTicket> GetTicketAsync(long ticketId, CancellationToken cancellationToken);

    /// <summary>Replies and notes, oldest first; the ticket's description is not among them.</summary>
    [Get("/api/v2/tickets/{ticketId}/conversations")]
    Task<IApiResponse<List<FdConversation>>> GetConversationsAsync(long ticketId, [Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/tickets")]
    Task<IApiResponse<List<FdTicket>>> ListTicketsAsync([Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    /// <summary>The account's primary and supported languages.</summary>
    [Get("/api/v2/settings/helpdesk")]
    Task<FdHelpdeskSettings> GetSettingsAsync(CancellationToken cancellationToken);

    [Get("/api/v2/solutions/categories")]
    Task<IApiResponse<List<FdCategory>>> GetCategoriesAsync([Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/solutions/categories/{categoryId}/folders")]
    Task<IApiResponse<List<FdFolder>>> GetFoldersAsync(long categoryId, [Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/solutions/folders/{folderId}/subfolders")]
    Task<IApiResponse<List<FdFolder>>> GetSubfoldersAsync(long folderId, [Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    /// <summary>A folder's articles in the primary language, drafts included.</summary>
    [Get("/api/v2/solutions/folders/{folderId}/articles")]
    Task<IApiResponse<List<FdArticle>>> GetArticlesAsync(long folderId, [Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    /// <summary>A folder's articles translated into <paramref name="language"/>.</summary>
    [Get("/api/v2/solutions/folders/{folderId}/articles/{language}")]
    Task<IApiResponse<List<FdArticle>>> GetTranslatedArticlesAsync(long folderId, string language, [Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/canned_response_folders")]
    Task<IApiResponse<List<FdCannedFolder>>> GetCannedFoldersAsync([Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/canned_response_folders/{folderId}/responses")]
    Task<IApiResponse<List<FdCannedResponse>>> GetCannedResponsesAsync(long folderId, [Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/canned_responses/{responseId}")]
    Task<FdCannedResponse> GetCannedResponseAsync(long responseId, CancellationToken cancellationToken);

    [Get("/api/v2/agents/{agentId}")]
    Task<FdAgent> GetAgentAsync(long agentId, CancellationToken cancellationToken);

    [Get("/api/v2/agents")]
    Task<IApiResponse<List<FdAgent>>> ListAgentsAsync([Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/contacts/{contactId}")]
    Task<FdContact> GetContactAsync(long contactId, CancellationToken cancellationToken);

    [Get("/api/v2/roles")]
    Task<IApiResponse<List<FdRole>>> ListRolesAsync([Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    [Get("/api/v2/groups")]
    Task<IApiResponse<List<FdGroup>>> ListGroupsAsync([Query] IDictionary<string, string> page, CancellationToken cancellationToken);

    /// <summary>Every ticket field, default and custom, in one list (not paged); custom ones named <c>cf_…</c>.</summary>
    [Get("/api/v2/ticket_fields")]
    Task<List<FdTicketField>> ListTicketFieldsAsync(CancellationToken cancellationToken);

    /// <summary>Updates a ticket's fields (its <c>tags</c> replace the ticket's: the caller sends the whole list).</summary>
    [Put("/api/v2/tickets/{ticketId}")]
    Task<FdTicket> UpdateTicketAsync(long ticketId, [Body] Dictionary<string, object> body, CancellationToken cancellationToken);

    /// <summary>Adds a note (<c>private: true</c>: agents only).</summary>
    [Post("/api/v2/tickets/{ticketId}/notes")]
    Task<FdConversation> AddNoteAsync(long ticketId, [Body] Dictionary<string, object> body, CancellationToken cancellationToken);
}
