using System.Globalization;
using Copilot.Api.Auth;
using Copilot.Api.Demo;
using Copilot.Api.Routes;
using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Dashboard;

/// <summary>
/// The team-lead dashboard page: Zendesk's signed load of the top-bar (<c>nav_bar</c>) location
/// starts a session exactly as the sidebar's does, but only team leads and admins get the page;
/// an agent gets a 403 "team leads only" page. In demo mode, <c>/preview/dashboard</c> opens it
/// with a session for a demo helpdesk's team lead (<c>?helpdesk=</c>, as the rest of the preview).
/// </summary>
internal static class DashboardEndpoints
{
    public const string Page = "dashboard.html";
    private static readonly TimeSpan SeedWait = TimeSpan.FromSeconds(90);

    public static void Map(RouteGroups routes)
    {
        var dashboard = routes.DashboardPage;
        dashboard.MapPost("/", SignedLoadAsync).DisableAntiforgery()
            .WithSummary("Zendesk's signed load of the team-lead dashboard: verifies the token, checks the role, serves the page")
            .WithSignedLoadForm();
        dashboard.MapGet("/", () => SidebarEndpoints.Problem(StatusCodes.Status401Unauthorized, "Open the dashboard from Zendesk",
            "The dashboard starts from Zendesk's signed load of the top-bar app (a POST with a token); opening this address directly has no signature to check."))
            .WithMetadata(CallerProofs.NoProof);
        routes.Dashboard.MapGet("/agents", AgentsAsync)
            .WithSummary("The helpdesk's agents (id and name), so the dashboard's agent table can show names; team leads and admins only");
        routes.Preview?.MapGet("/dashboard", PreviewAsync);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> SignedLoadAsync(
        HttpContext http, SignedLoadVerifier verifier, IHelpdeskDirectory directory, SessionTokens sessions,
        SidebarApp sidebarApp, IOptionsMonitor<SidebarOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Copilot.Api.Dashboard");
        var (signed, unreadable) = await SignedLoadForm.ReadTokenAsync(http.Request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        var (load, rejection) = await verifier.VerifyAsync(signed!, cancellationToken);
        if (load is null)
        {
            DashboardLog.SignedLoadRefused(logger, rejection!.Reason);
            return SidebarEndpoints.Problem(StatusCodes.Status401Unauthorized, "The signed load could not be verified", rejection.Reason);
        }
        var user = await directory.GetUserAsync(load.Tenant.Connection, load.UserId, cancellationToken);
        if (user is not { IsStaff: true })
        {
            return SidebarEndpoints.Problem(StatusCodes.Status403Forbidden, "Not an agent", "Only active agents and admins of this helpdesk can use Copilot.");
        }
        return await ServeAsync(http, load.Tenant, user, "zendesk", sessions, sidebarApp, options, time, logger, cancellationToken);
    }

    /// <summary>
    /// Demo mode only, for the in-process demo tenants only: the dashboard as the demo helpdesk's first team lead or
    /// admin (or <c>?agent=</c>, to see what an agent gets), as its directory reports them.
    /// </summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PreviewAsync(
        HttpContext http, string? agent, IHelpdeskDirectory directory, SessionTokens sessions,
        SidebarApp sidebarApp, IOptionsMonitor<SidebarOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var tenant = http.DemoTenant();
        var settings = options.CurrentValue.For(tenant.Id);
        DirectoryUser? user;
        if (string.IsNullOrEmpty(agent))
        {
            user = (await directory.ListAgentsAsync(tenant.Connection, cancellationToken))
                .FirstOrDefault(a => AgentRoles.Of(a, settings) is AgentRoles.Lead or AgentRoles.Admin);
        }
        else if (long.TryParse(agent, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            user = await directory.GetUserAsync(tenant.Connection, id, cancellationToken);
        }
        else
        {
            return SidebarEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad agent id", "'agent' must be a user id of the demo helpdesk.");
        }
        if (user is not { IsStaff: true })
        {
            return SidebarEndpoints.Problem(StatusCodes.Status404NotFound, "No such agent", "The demo helpdesk has no active team lead or agent with that id.");
        }
        // The demo history is replayed at start-up; show the page once it is in place.
        if (http.RequestServices.GetService<DemoAnalyticsSeeder>() is { } seeder)
        {
            await seeder.Completion(tenant.Id).WaitAsync(SeedWait, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        return await ServeAsync(http, tenant, user, "preview", sessions, sidebarApp, options, time, loggers.CreateLogger("Copilot.Api.Dashboard"), cancellationToken);
    }

    private static async Task<Ok<List<DashboardAgent>>> AgentsAsync(HttpContext http, IHelpdeskDirectory directory, CancellationToken cancellationToken)
    {
        var agents = await directory.ListAgentsAsync(http.GetTenant().Connection, cancellationToken);
        return TypedResults.Ok(agents.Select(a => new DashboardAgent(a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList());
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ServeAsync(
        HttpContext http, Tenant tenant, DirectoryUser user, string host, SessionTokens sessions, SidebarApp sidebarApp,
        IOptionsMonitor<SidebarOptions> options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var role = AgentRoles.Of(user, options.CurrentValue.For(tenant.Id));
        var userId = user.Id.ToString(CultureInfo.InvariantCulture);
        if (role is not (AgentRoles.Lead or AgentRoles.Admin))
        {
            DashboardLog.NotLead(logger, tenant.Id, userId);
            return TeamLeadsOnly(http);
        }
        if (sidebarApp.Directory is not { } dir || !File.Exists(Path.Combine(dir, Page)))
        {
            return SidebarEndpoints.Problem(StatusCodes.Status503ServiceUnavailable, "Dashboard not built", SidebarApp.NotBuilt);
        }
        var (token, session) = sessions.Issue(tenant, userId, user.Name, role, time.GetUtcNow());
        DashboardLog.Opened(logger, session.Tenant, session.AgentId, session.Role);
        return await SidebarEndpoints.PageAsync(http, sidebarApp, Page, token, host, cancellationToken);
    }

    /// <summary>403: a readable page inside Zendesk's frame (which asks for HTML), problem+json for everyone else.</summary>
    private static Results<ContentHttpResult, ProblemHttpResult> TeamLeadsOnly(HttpContext http)
    {
        const string title = "Team leads only";
        const string detail = "The Copilot dashboard shows team-wide numbers, so it opens for team leads and admins only. Ask your Zendesk admin if you need access.";
        var accept = http.Request.Headers.Accept.ToString();
        if (!accept.Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return SidebarEndpoints.Problem(StatusCodes.Status403Forbidden, title, detail);
        }
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(
            $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{title}}</title>
            <style>body{font:15px/1.5 system-ui,sans-serif;color:#2f3941;margin:0;padding:48px 24px}main{max-width:36rem;margin:0 auto}h1{font-size:22px;margin:0 0 8px}</style></head>
            <body><main role="main"><h1>{{title}}</h1><p>{{detail}}</p></main></body></html>
            """,
            "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status403Forbidden);
    }
}

internal sealed record DashboardAgent(string Id, string Name);
