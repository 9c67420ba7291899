using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Copilot.Fakes.Zendesk;

/// <summary>Support API users: show user, the caller (<c>me</c>), and list by role (UserResponse, UsersResponse); groups (GroupsResponse).</summary>
internal static class FakeZendeskUsers
{
    public static void Map(IEndpointRouteBuilder app, FakeZendeskData data)
    {
        app.MapGet("/api/v2/users/me", (HttpContext http) => Me(http, data));
        app.MapGet("/api/v2/users/me.json", (HttpContext http) => Me(http, data));
        app.MapGet("/api/v2/users/{id}", (HttpContext http, string id) => Show(http, data, id));
        app.MapGet("/api/v2/users", (HttpContext http) => List(http, data));
        app.MapGet("/api/v2/users.json", (HttpContext http) => List(http, data));
        app.MapGet("/api/v2/groups", (HttpContext http) => Groups(http, data));
    }

    /// <summary>Offset paging, oldest id first.</summary>
    private static IResult Groups(HttpContext http, FakeZendeskData data)
    {
        lock (data.Sync)
        {
            var all = data.Groups.OrderBy(g => g.Id).ToList();
            var (page, paging) = FakeZendeskPaging.Offset(http.Request, all, FakeZendeskPaging.MaxPageSize);
            var groups = page.Select(g => new Dictionary<string, object?>
            {
                ["id"] = g.Id,
                ["url"] = FakeZendeskShapes.Api(http.Request, $"/api/v2/groups/{g.Id}.json"),
                ["name"] = g.Name,
                ["description"] = "",
                ["default"] = false,
                ["deleted"] = false,
                ["is_public"] = true,
                ["created_at"] = "2026-01-05T09:00:00Z",
                ["updated_at"] = "2026-01-05T09:00:00Z",
            }).ToList();
            return FakeZendeskTickets.Write(new Dictionary<string, object?>(paging) { ["groups"] = groups });
        }
    }

    private static IResult Show(HttpContext http, FakeZendeskData data, string id)
    {
        if (!long.TryParse(id.EndsWith(".json", StringComparison.Ordinal) ? id[..^5] : id, out var userId))
        {
            return FakeZendeskTickets.Missing();
        }
        lock (data.Sync)
        {
            return data.Users.FirstOrDefault(u => u.Id == userId) is { } user
                ? FakeZendeskTickets.Write(new Dictionary<string, object?> { ["user"] = FakeZendeskShapes.User(http.Request, user) })
                : FakeZendeskTickets.Missing();
        }
    }

    /// <summary>The user the credentials belong to (the API token's email); Zendesk answers an anonymous user otherwise.</summary>
    private static IResult Me(HttpContext http, FakeZendeskData data)
    {
        lock (data.Sync)
        {
            var user = data.Users.FirstOrDefault(u => string.Equals(u.Email, data.Email, StringComparison.OrdinalIgnoreCase))
                ?? new FakeUser { Id = 0, Name = "Integration", Email = data.Email, Role = "admin" };
            return FakeZendeskTickets.Write(new Dictionary<string, object?> { ["user"] = FakeZendeskShapes.User(http.Request, user) });
        }
    }

    /// <summary><c>role</c> or <c>role[]</c> filters; cursor (page[size]) or offset paging, oldest id first.</summary>
    private static IResult List(HttpContext http, FakeZendeskData data)
    {
        var roles = http.Request.Query["role[]"].Concat(http.Request.Query["role"]).Select(r => r ?? "").Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
        lock (data.Sync)
        {
            var all = data.Users.Where(u => roles.Count == 0 || roles.Contains(u.Role)).OrderBy(u => u.Id).ToList();
            if (FakeZendeskPaging.Page(http.Request, all, FakeZendeskPaging.MaxPageSize) is not (var page, var paging))
            {
                return FakeZendeskPaging.InvalidCursor();
            }
            return FakeZendeskTickets.Write(new Dictionary<string, object?>(paging) { ["users"] = page.Select(u => FakeZendeskShapes.User(http.Request, u)).ToList() });
        }
    }
}
