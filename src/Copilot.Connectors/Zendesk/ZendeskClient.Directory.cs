using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

/// <summary>Users, roles, ticket listings and the app's signing key, on the same transport as every other call.</summary>
public sealed partial class ZendeskClient
{
    private static readonly string[] StaffRoles = ["agent", "admin"];

    /// <returns>null when Zendesk has no such user.</returns>
    public async Task<DirectoryUser?> GetUserAsync(long userId, CancellationToken cancellationToken)
    {
        var body = await _transport.GetAsync((api, ct) => api.GetUserAsync(userId, ct), notFoundIsNull: true, cancellationToken);
        return body?.User is { } u ? DirectoryUser(u) : null;
    }

    /// <summary>The user itself (one call): Zendesk's users are not kept between requests.</summary>
    public async Task<DirectoryUser?> FindStaffAsync(long userId, CancellationToken cancellationToken) =>
        await GetUserAsync(userId, cancellationToken) is { IsStaff: true } user ? user : null;

    /// <summary>Active agents and admins (first page, up to 100).</summary>
    public async Task<IReadOnlyList<DirectoryUser>> ListAgentsAsync(CancellationToken cancellationToken)
    {
        var body = await _transport.GetAsync((api, ct) => api.ListUsersAsync(StaffRoles, PageSize, ct), notFoundIsNull: false, cancellationToken);
        return (body?.Users ?? []).Select(DirectoryUser).Where(u => u.IsStaff).ToList();
    }

    /// <summary>Every group that is not deleted (all pages).</summary>
    public async Task<IReadOnlyList<HelpdeskGroup>> ListGroupsAsync(CancellationToken cancellationToken)
    {
        var groups = new List<HelpdeskGroup>();
        IDictionary<string, string>? next = new Dictionary<string, string> { ["per_page"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; next is not null && page < MaxPages && seen.Add(HelpdeskPaging.Key(next)); page++)
        {
            var query = next;
            var response = await _transport.GetAsync((api, ct) => api.ListGroupsAsync(query, ct), notFoundIsNull: false, cancellationToken);
            groups.AddRange((response?.Groups ?? []).Where(g => g.Deleted != true).Select(g => new HelpdeskGroup(g.Id, g.Name ?? $"Group {g.Id}")));
            next = response?.Groups is { Count: > 0 } ? HelpdeskPaging.NextPage(response.NextPage) : null;
        }
        return groups.DistinctBy(g => g.Id).ToList();
    }

    /// <summary>Most recently updated tickets, newest first, up to <paramref name="max"/> (at most 100).</summary>
    public async Task<IReadOnlyList<TicketListing>> ListTicketsAsync(int max, CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, string>
        {
            ["query"] = "type:ticket",
            ["sort_by"] = "updated_at",
            ["sort_order"] = "desc",
            ["per_page"] = Math.Clamp(max, 1, PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var body = await _transport.GetAsync((api, ct) => api.SearchAsync(query, ct), notFoundIsNull: false, cancellationToken);
        return (body?.Results ?? [])
            .Where(t => t.ResultType is null or "ticket")
            .Select(t => new TicketListing(t.Id, t.Subject ?? t.RawSubject ?? $"Ticket {t.Id}", t.Status ?? "open", t.UpdatedAt == default ? t.CreatedAt : t.UpdatedAt))
            .OrderByDescending(t => t.UpdatedAt)
            .Take(max)
            .ToList();
    }

    /// <returns>null when Zendesk has no such app.</returns>
    public async Task<string?> GetAppPublicKeyAsync(long appId, CancellationToken cancellationToken) =>
        await _transport.GetAsync((api, ct) => api.GetAppPublicKeyAsync(appId, ct), notFoundIsNull: true, cancellationToken);

    private static DirectoryUser DirectoryUser(ZdUser u) =>
        new(u.Id, u.Name ?? $"User {u.Id}", u.Email, u.Role ?? "end-user", u.CustomRoleId, u.Locale, u.Active ?? true);
}
