using System.Globalization;
using Copilot.Api.Demo;
using Copilot.Api.Routes;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Sidebar;

/// <summary>
/// The local preview: a page that plays a helpdesk's agent workspace around the sidebar, for the
/// in-process demo tenants only (<c>?helpdesk=zendesk</c>, the default, or <c>freshdesk</c>). It starts
/// sessions for demo agents without the helpdesk's app, so it exists only in demo mode (outside it no
/// route is mapped), and every route answers 404 unless the demo helpdesk it asks for runs in this
/// process — never for a configured tenant, whatever its id.
/// </summary>
internal static class PreviewEndpoints
{
    /// <param name="preview"><c>/preview</c>, mapped in demo mode only (<see cref="RouteGroups.Preview"/>).</param>
    public static void Map(RouteGroupBuilder preview)
    {
        preview.MapGet("/", PageAsync);
        preview.MapGet("/sidebar", SidebarAsync);
        preview.MapGet("/api/helpdesks", Helpdesks);
        preview.MapGet("/api/agents", AgentsAsync);
        preview.MapGet("/api/tickets", TicketsAsync);
        preview.MapGet("/api/tickets/{id:long}", ThreadAsync);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PageAsync(HttpContext http, SidebarApp sidebarApp, CancellationToken cancellationToken) =>
        await SidebarEndpoints.PageAsync(http, sidebarApp, "preview.html", "", "", cancellationToken);

    /// <summary>The demo helpdesks this process runs, for the preview's switch; the first is the default.</summary>
    private static Ok<List<PreviewHelpdesk>> Helpdesks(HttpContext http) =>
        TypedResults.Ok(http.RequestServices.GetRequiredService<DemoHelpdesk>().RunningAccounts
            .Select(a => new PreviewHelpdesk(a.Helpdesk.Kind, a.Helpdesk.Name, a.Company)).ToList());

    /// <summary>
    /// The sidebar frame for the chosen demo agent (default: the first). The session starts as in the helpdesk:
    /// where it signs the app's load (Zendesk), the in-process fake signs one (RS256, its app key), which goes through
    /// the same verification and user check as <c>POST /sidebar/</c>; where it signs none (Freshdesk), from the agent
    /// as the helpdesk's agents API reports it — the same user check and role.
    /// </summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> SidebarAsync(
        HttpContext http, string? agent, IHelpdeskDirectory directory, SidebarApp sidebarApp, CancellationToken cancellationToken)
    {
        var demo = http.RequestedDemo()!;
        var tenant = demo.Tenant!;
        long? id = null;
        if (string.IsNullOrEmpty(agent))
        {
            id = (await directory.ListAgentsAsync(tenant.Connection, cancellationToken)).FirstOrDefault()?.Id;
        }
        else if (long.TryParse(agent, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            id = parsed;
        }
        else
        {
            return SidebarEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad agent id", "'agent' must be a user id of the demo helpdesk.");
        }
        if (id is null)
        {
            return NoAgent();
        }
        var (session, refused) = demo.SignLoad(id.Value) is { } load
            ? await SidebarEndpoints.StartSessionAsync(http, load, cancellationToken)
            : await SidebarEndpoints.StartAgentSessionAsync(http, tenant, id.Value, cancellationToken);
        if (refused is not null)
        {
            // Refused as the helpdesk's load would be: 403 for a user who is not an active agent.
            return refused;
        }
        return await SidebarEndpoints.PageAsync(http, sidebarApp, "sidebar.html", session!, "preview", cancellationToken);
    }

    private static ProblemHttpResult NoAgent() =>
        SidebarEndpoints.Problem(StatusCodes.Status404NotFound, "No such agent", "The demo helpdesk has no active agent with that id.");

    private static async Task<Ok<List<PreviewAgent>>> AgentsAsync(HttpContext http, IHelpdeskDirectory directory, IOptionsMonitor<SidebarOptions> options, CancellationToken cancellationToken)
    {
        var tenant = http.DemoTenant();
        var agents = await directory.ListAgentsAsync(tenant.Connection, cancellationToken);
        return TypedResults.Ok(agents.Select(a => new PreviewAgent(a.Id.ToString(CultureInfo.InvariantCulture), a.Name, AgentRoles.Of(a, options.CurrentValue.For(tenant.Id)))).ToList());
    }

    private static async Task<Ok<IReadOnlyList<TicketListing>>> TicketsAsync(HttpContext http, IHelpdeskDirectory directory, CancellationToken cancellationToken)
    {
        var tickets = await directory.ListTicketsAsync(http.DemoTenant().Connection, 50, cancellationToken);
        return TypedResults.Ok(tickets);
    }

    private static async Task<Results<Ok<PreviewThread>, ProblemHttpResult>> ThreadAsync(HttpContext http, long id, CancellationToken cancellationToken)
    {
        if (http.RequestServices.GetService<IHelpdeskClientFactory>() is not { } clients)
        {
            return SidebarEndpoints.Problem(StatusCodes.Status503ServiceUnavailable, "No helpdesk connector", "No helpdesk client is registered, so the preview cannot read ticket threads.");
        }
        var thread = await clients.Create(http.DemoTenant().Connection).GetThreadAsync(id, cancellationToken);
        if (thread is null)
        {
            return SidebarEndpoints.Problem(StatusCodes.Status404NotFound, "No such ticket", $"The demo helpdesk has no ticket {id}.");
        }
        var t = thread.Ticket;
        return TypedResults.Ok(new PreviewThread(
            new PreviewTicket(t.Id, t.Subject, t.Status, t.Priority, t.Tags, new PreviewRequester(t.Requester.Name, t.Requester.Email, t.Requester.Locale)),
            thread.Comments.Select(c => new PreviewComment(c.Id, c.Author.Name, c.Author.Role.ToString().ToLowerInvariant(), c.Public, c.Text, c.CreatedAt)).ToList()));
    }

    private sealed record PreviewHelpdesk(string Helpdesk, string Name, string Company);
    private sealed record PreviewAgent(string Id, string Name, string Role);
    private sealed record PreviewRequester(string Name, string? Email, string? Locale);
    private sealed record PreviewTicket(long Id, string Subject, string Status, string? Priority, IReadOnlyList<string> Tags, PreviewRequester Requester);
    private sealed record PreviewComment(long Id, string Author, string Role, bool Public, string Text, DateTimeOffset CreatedAt);
    private sealed record PreviewThread(PreviewTicket Ticket, IReadOnlyList<PreviewComment> Comments);
}
