using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Copilot.Fakes.Freshdesk.FakeFreshdeskTickets;

namespace Copilot.Fakes.Freshdesk;

/// <summary>Agents, contacts, roles, groups, and canned responses (folders → responses).</summary>
internal static class FakeFreshdeskPeople
{
    public static void Map(IEndpointRouteBuilder app, FakeFreshdeskData data)
    {
        app.MapGet("/api/v2/agents", (HttpContext http) => Paged(http, data, () => data.Agents.OrderBy(a => a.Id).Select(FakeFreshdeskShapes.Agent)));
        app.MapGet("/api/v2/agents/{id}", (string id) => One(data, () => data.Agents.FirstOrDefault(a => a.Id == Id(id)), FakeFreshdeskShapes.Agent));
        app.MapGet("/api/v2/contacts/{id}", (string id) => One(data, () => data.Contacts.FirstOrDefault(c => c.Id == Id(id)), FakeFreshdeskShapes.Contact));
        app.MapGet("/api/v2/roles", (HttpContext http) => Paged(http, data, () => data.Roles.OrderBy(r => r.Id).Select(r => FakeFreshdeskShapes.Stamped(new()
        {
            ["id"] = r.Id,
            ["name"] = r.Name,
            ["description"] = r.Description,
            ["default"] = r.Default,
            ["agent_type"] = 1,
        }))));
        app.MapGet("/api/v2/groups", (HttpContext http) => Paged(http, data, () => data.Groups.OrderBy(g => g.Id).Select(g => FakeFreshdeskShapes.Stamped(new()
        {
            ["id"] = g.Id,
            ["name"] = g.Name,
            ["description"] = g.Description,
            ["escalate_to"] = null,
            ["unassigned_for"] = "30m",
            ["business_hour_id"] = null,
            ["group_type"] = "support_agent_group",
            ["agent_ids"] = g.AgentIds,
            ["auto_ticket_assign"] = 0,
        }))));
        app.MapGet("/api/v2/canned_response_folders", (HttpContext http) => Paged(http, data, () => data.CannedFolders.OrderBy(f => f.Id).Select(f => FakeFreshdeskShapes.Stamped(new()
        {
            ["id"] = f.Id,
            ["name"] = f.Name,
            ["personal"] = f.Personal,
            ["responses_count"] = data.CannedResponses.Count(r => r.FolderId == f.Id),
        }))));
        app.MapGet("/api/v2/canned_response_folders/{id}/responses", (HttpContext http, string id) =>
        {
            lock (data.Sync)
            {
                return data.CannedFolders.Any(f => f.Id == Id(id))
                    ? Paged(http, data, () => data.CannedResponses.Where(r => r.FolderId == Id(id)).OrderBy(r => r.Id).Select(FakeFreshdeskShapes.Canned))
                    : Missing();
            }
        });
        app.MapGet("/api/v2/canned_responses/{id}", (string id) => One(data, () => data.CannedResponses.FirstOrDefault(r => r.Id == Id(id)), FakeFreshdeskShapes.Canned));
    }

    private static IResult Paged(HttpContext http, FakeFreshdeskData data, Func<IEnumerable<Dictionary<string, object?>>> rows)
    {
        lock (data.Sync)
        {
            var page = FakeFreshdeskPaging.Page(http, rows().ToList());
            return page is null ? Invalid("page", "It should be a Positive Integer") : Write(page);
        }
    }

    private static IResult One<T>(FakeFreshdeskData data, Func<T?> find, Func<T, Dictionary<string, object?>> shape) where T : class
    {
        lock (data.Sync)
        {
            return find() is { } found ? Write(shape(found)) : Missing();
        }
    }
}
