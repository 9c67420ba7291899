using System.Globalization;
using System.Security.Claims;
using Copilot.Api.Auth;
using Copilot.Api.Routes;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Sidebar;

/// <summary>The sidebar's page (signed load → session), session renewal, and the app's assets.</summary>
internal static class SidebarEndpoints
{
    public static void Map(RouteGroups routes)
    {
        var sidebar = routes.Sidebar;
        sidebar.MapPost("/", SignedLoadAsync).DisableAntiforgery().WithSummary("Zendesk's signed first load of the sidebar: verifies the token, starts a session, serves the app")
            .WithSignedLoadForm();
        sidebar.MapGet("/", () => Problem(StatusCodes.Status401Unauthorized, "Open Copilot from Zendesk",
            "The sidebar starts from Zendesk's signed load (a POST with a token); opening this address directly has no signature to check."))
            .WithMetadata(CallerProofs.NoProof);
        routes.Session.MapPost("", RenewAsync)
            .WithSummary("Trades a current session for a fresh one, while the agent is still staff");
        routes.AppFiles.MapGet("/{**path}", Asset);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> SignedLoadAsync(HttpContext http, SidebarApp sidebarApp, CancellationToken cancellationToken)
    {
        var (signed, unreadable) = await SignedLoadForm.ReadTokenAsync(http.Request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        var (token, refused) = await StartSessionAsync(http, signed!, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        return await PageAsync(http, sidebarApp, "sidebar.html", token!, "zendesk", cancellationToken);
    }

    /// <summary>
    /// Verifies a signed-load token and checks its user with the helpdesk: an active agent or
    /// admin gets a session; anything else a problem to answer with.
    /// </summary>
    internal static async Task<(string? Session, ProblemHttpResult? Refused)> StartSessionAsync(HttpContext http, string signedToken, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var (load, rejection) = await services.GetRequiredService<SignedLoadVerifier>().VerifyAsync(signedToken, cancellationToken);
        if (load is null)
        {
            SidebarLog.SignedLoadRefused(Logger(services), rejection!.Reason);
            return (null, Problem(StatusCodes.Status401Unauthorized, "The signed load could not be verified", rejection.Reason));
        }
        return await StartAgentSessionAsync(http, load.Tenant, load.UserId, cancellationToken);
    }

    /// <summary>
    /// A session for <paramref name="userId"/> as the tenant's helpdesk reports the user: an active agent or admin gets
    /// one, with the role the helpdesk's record gives; anything else a problem to answer with. Whoever calls this has
    /// established that the user is the one at the screen (a verified signed load; the local preview's demo).
    /// </summary>
    internal static async Task<(string? Session, ProblemHttpResult? Refused)> StartAgentSessionAsync(HttpContext http, Tenant tenant, long userId, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var user = await services.GetRequiredService<IHelpdeskDirectory>().GetUserAsync(tenant.Connection, userId, cancellationToken);
        if (user is not { IsStaff: true })
        {
            SidebarLog.NotStaff(Logger(services), tenant.Id, userId);
            return (null, Problem(StatusCodes.Status403Forbidden, "Not an agent", "Only active agents and admins of this helpdesk can use Copilot."));
        }
        var role = AgentRoles.Of(user, services.GetRequiredService<IOptionsMonitor<SidebarOptions>>().CurrentValue.For(tenant.Id));
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (token, session) = services.GetRequiredService<SessionTokens>().Issue(tenant, user.Id.ToString(CultureInfo.InvariantCulture), user.Name, role, now);
        SidebarLog.SessionStarted(Logger(services), session.Tenant, session.AgentId, session.Role);
        return (token, null);
    }

    private static ILogger Logger(IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger("Copilot.Api.Sidebar");

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> RenewAsync(
        HttpContext http, SessionTokens sessions, TenantRegistry tenants, IHelpdeskDirectory directory,
        IOptionsMonitor<SidebarOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenant = http.GetTenant();
        var agentId = http.User.FindFirstValue(AuthClaims.Agent)!;
        var authTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(http.User.FindFirstValue(AuthClaims.AuthTime)!, CultureInfo.InvariantCulture));
        if (sessions.MaxEnd(authTime) <= time.GetUtcNow())
        {
            return Problem(StatusCodes.Status401Unauthorized, "Session too old", "Reopen the ticket to start a new Copilot session.");
        }
        // Re-checked with the helpdesk, so a removed or demoted agent loses access within one session.
        var user = long.TryParse(agentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await directory.GetUserAsync(tenant.Connection, id, cancellationToken)
            : null;
        if (user is not { IsStaff: true })
        {
            return Problem(StatusCodes.Status403Forbidden, "Not an agent", "This user can no longer use Copilot.");
        }
        var (token, session) = sessions.Issue(tenant, agentId, user.Name, AgentRoles.Of(user, options.CurrentValue.For(tenant.Id)), authTime);
        return TypedResults.Ok(new SessionResponse(token, session.ExpiresAt, session.AgentId, session.Name, session.Role));
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> PageAsync(HttpContext http, SidebarApp sidebarApp, string page, string token, string host, CancellationToken cancellationToken)
    {
        if (await sidebarApp.RenderAsync(page, token, host, cancellationToken) is not { } html)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "Sidebar app not built", SidebarApp.NotBuilt);
        }
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "frame-ancestors 'self' https://*.zendesk.com" + FrameAncestors(http);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>Tenants on their own host (a host-mapped Zendesk, or a local fake) may frame the app too.</summary>
    private static string FrameAncestors(HttpContext http) =>
        string.Concat(http.RequestServices.GetRequiredService<TenantRegistry>().All
            .Select(t => t.Connection.BaseUrl.GetLeftPart(UriPartial.Authority))
            .Where(o => !o.EndsWith(".zendesk.com", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(o => " " + o));

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Asset(string path, SidebarApp sidebarApp, HttpContext http)
    {
        if (sidebarApp.Asset(path) is not { } file)
        {
            return sidebarApp.Directory is null
                ? Problem(StatusCodes.Status503ServiceUnavailable, "Sidebar app not built", SidebarApp.NotBuilt)
                : Problem(StatusCodes.Status404NotFound, "No such file", $"The sidebar app has no file '{path}'.");
        }
        // Vite puts a content hash in every asset name: they never change.
        http.Response.Headers.CacheControl = path.StartsWith("assets/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
        return TypedResults.PhysicalFile(file.Path, file.ContentType);
    }

    internal static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}

internal sealed record SessionResponse(string Token, DateTimeOffset ExpiresAt, string AgentId, string Name, string Role);
