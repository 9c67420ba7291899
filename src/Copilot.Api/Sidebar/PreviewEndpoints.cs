using System.Globalization;
using Copilot.Api.Demo;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Sidebar;

/// <summary>
/// The local preview: a page that plays Zendesk's agent workspace around the sidebar, for the
/// demo tenant only. It mints sessions for demo agents without a signed load, so every route
/// here answers 404 unless the demo tenant is running.
/// </summary>
internal static class PreviewEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var preview = app.MapGroup("/preview").WithTags("Preview").ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                DemoTenant(context.HttpContext) is null
                    ? SidebarEndpoints.Problem(StatusCodes.Status404NotFound, "No preview here", "The local preview runs only while the demo tenant is active.")
                    : await next(context));
        preview.MapGet("/", PageAsync);
        preview.MapGet("/sidebar", SidebarAsync);
        preview.MapGet("/api/agents", AgentsAsync);
        preview.MapGet("/api/tickets", TicketsAsync);
        preview.MapGet("/api/tickets/{id:long}", ThreadAsync);
    }

    private static Tenant? DemoTenant(HttpContext http)
    {
        var name = http.RequestServices.GetRequiredService<IOptionsMonitor<SidebarOptions>>().CurrentValue.PreviewTenant;
        return http.RequestServices.GetRequiredService<TenantRegistry>().Find(name);
    }

    private static async Task<IResult> PageAsync(HttpContext http, SidebarApp sidebarApp, CancellationToken cancellationToken) =>
        await SidebarEndpoints.PageAsync(http, sidebarApp, "preview.html", "", "", cancellationToken);

    /// <summary>
    /// The sidebar frame for the chosen demo agent (default: the first). When the demo helpdesk is
    /// our own fake Zendesk, the session starts exactly as in Zendesk: the fake signs a load
    /// (RS256, its app key), which goes through the same verification and user check as
    /// <c>POST /sidebar/</c>. A demo tenant on another helpdesk gets a session minted here for an
    /// agent that helpdesk confirms.
    /// </summary>
    private static async Task<IResult> SidebarAsync(
        HttpContext http, string? agent, IHelpdeskDirectory directory, SessionTokens sessions, SidebarApp sidebarApp,
        IOptionsMonitor<SidebarOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenant = DemoTenant(http)!;
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
        if (http.RequestServices.GetService<DemoHelpdesk>()?.Zendesk is { } fake && fake.BaseUrl == tenant.Connection.BaseUrl)
        {
            var (session, refused) = await SidebarEndpoints.StartSessionAsync(http, fake.SignLoad(id.Value), cancellationToken);
            // Refused as Zendesk's load would be: 403 for a user who is not an active agent.
            return refused ?? await SidebarEndpoints.PageAsync(http, sidebarApp, "sidebar.html", session!, "preview", cancellationToken);
        }
        var user = await directory.GetUserAsync(tenant.Connection, id.Value, cancellationToken);
        if (user is not { IsStaff: true })
        {
            return NoAgent();
        }
        var (token, _) = sessions.Issue(tenant, user.Id.ToString(CultureInfo.InvariantCulture), user.Name, AgentRoles.Of(user, options.CurrentValue.For(tenant.Id)), time.GetUtcNow());
        return await SidebarEndpoints.PageAsync(http, sidebarApp, "sidebar.html", token, "preview", cancellationToken);
    }

    private static IResult NoAgent() =>
        SidebarEndpoints.Problem(StatusCodes.Status404NotFound, "No such agent", "The demo helpdesk has no active agent with that id.");

    private static async Task<IResult> AgentsAsync(HttpContext http, IHelpdeskDirectory directory, IOptionsMonitor<SidebarOptions> options, CancellationToken cancellationToken)
    {
        var tenant = DemoTenant(http)!;
        var agents = await directory.ListAgentsAsync(tenant.Connection, cancellationToken);
        return TypedResults.Ok(agents.Select(a => new PreviewAgent(a.Id.ToString(CultureInfo.InvariantCulture), a.Name, AgentRoles.Of(a, options.CurrentValue.For(tenant.Id)))));
    }

    private static async Task<IResult> TicketsAsync(HttpContext http, IHelpdeskDirectory directory, CancellationToken cancellationToken)
    {
        var tickets = await directory.ListTicketsAsync(DemoTenant(http)!.Connection, 50, cancellationToken);
        return TypedResults.Ok(tickets);
    }

    private static async Task<IResult> ThreadAsync(HttpContext http, long id, CancellationToken cancellationToken)
    {
        if (http.RequestServices.GetService<IHelpdeskClientFactory>() is not { } clients)
        {
            return SidebarEndpoints.Problem(StatusCodes.Status503ServiceUnavailable, "No helpdesk connector", "No helpdesk client is registered, so the preview cannot read ticket threads.");
        }
        var thread = await clients.Create(DemoTenant(http)!.Connection).GetThreadAsync(id, cancellationToken);
        if (thread is null)
        {
            return SidebarEndpoints.Problem(StatusCodes.Status404NotFound, "No such ticket", $"The demo helpdesk has no ticket {id}.");
        }
        var t = thread.Ticket;
        return TypedResults.Ok(new PreviewThread(
            new PreviewTicket(t.Id, t.Subject, t.Status, new PreviewRequester(t.Requester.Name, t.Requester.Email, t.Requester.Locale)),
            thread.Comments.Select(c => new PreviewComment(c.Id, c.Author.Name, c.Author.Role.ToString().ToLowerInvariant(), c.Public, c.Text, c.CreatedAt)).ToList()));
    }

    private sealed record PreviewAgent(string Id, string Name, string Role);
    private sealed record PreviewRequester(string Name, string? Email, string? Locale);
    private sealed record PreviewTicket(long Id, string Subject, string Status, PreviewRequester Requester);
    private sealed record PreviewComment(long Id, string Author, string Role, bool Public, string Text, DateTimeOffset CreatedAt);
    private sealed record PreviewThread(PreviewTicket Ticket, IReadOnlyList<PreviewComment> Comments);
}
