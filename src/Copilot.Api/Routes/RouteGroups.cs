using Copilot.Api.Auth;
using Copilot.Api.Demo;
using Copilot.Api.RateLimits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Routes;

/// <summary>
/// The API's resources, each declared once with who may call it, its rate limits and its OpenAPI tag.
/// Features add their endpoints to these groups (<c>MapXxxApi(this RouteGroupBuilder …)</c>) and never
/// set a policy, a limit or a tag of their own.
/// </summary>
public sealed class RouteGroups
{
    /// <summary><c>/api/tickets</c>: a ticket's assist, draft, triage and questions, for the sidebar.</summary>
    public required RouteGroupBuilder Tickets { get; init; }

    /// <summary>The routes of <c>/api/tickets</c> that spend model tokens (draft, triage, ask): per-agent and per-tenant limits.</summary>
    public required RouteGroupBuilder TicketTasks { get; init; }

    /// <summary><c>/api/rewrite</c>: rewrites of the agent's text, for the sidebar; model limits.</summary>
    public required RouteGroupBuilder Rewrite { get; init; }

    /// <summary><c>/api/suggestions</c>: feedback on what the sidebar showed.</summary>
    public required RouteGroupBuilder Suggestions { get; init; }

    /// <summary><c>/api/admin</c>: the deployment's admin key.</summary>
    public required RouteGroupBuilder Admin { get; init; }

    /// <summary><c>/api/admin/tenants/{tenant}</c>: one tenant's knowledge, intents and boundary rules (admin key).</summary>
    public required RouteGroupBuilder AdminTenant { get; init; }

    /// <summary><c>/api/analytics</c>: the admin key, or a team lead's session.</summary>
    public required RouteGroupBuilder Analytics { get; init; }

    /// <summary><c>/api/dashboard</c>: the dashboard's data, for team leads' sessions.</summary>
    public required RouteGroupBuilder Dashboard { get; init; }

    /// <summary><c>/api/dashboard</c> routes that change the tenant's settings: helpdesk admins' sessions only.</summary>
    public required RouteGroupBuilder DashboardAdmin { get; init; }

    /// <summary><c>/api/webhooks/zendesk</c>: no scheme; each delivery proves itself by Zendesk's signature.</summary>
    public required RouteGroupBuilder ZendeskWebhooks { get; init; }

    /// <summary><c>/api/webhooks/freshdesk</c>: no scheme; each delivery proves itself by the tenant's secret in a header.</summary>
    public required RouteGroupBuilder FreshdeskWebhooks { get; init; }

    /// <summary><c>/sidebar</c>: the app's page, started by Zendesk's signed load.</summary>
    public required RouteGroupBuilder Sidebar { get; init; }

    /// <summary><c>/sidebar/session</c>: renewal, by a current session with its verified agent.</summary>
    public required RouteGroupBuilder Session { get; init; }

    /// <summary><c>/app</c>: the built app's files (not in the OpenAPI document).</summary>
    public required RouteGroupBuilder AppFiles { get; init; }

    /// <summary><c>/dashboard</c>: the team-lead dashboard's page, started by Zendesk's signed load.</summary>
    public required RouteGroupBuilder DashboardPage { get; init; }

    /// <summary>
    /// <c>/preview</c>: the local preview, which starts sessions without the helpdesk's app. Null outside demo mode (no
    /// route is mapped), and every route answers 404 unless the in-process demo helpdesk it asks for
    /// (<c>?helpdesk=</c>, the Zendesk demo by default) is running.
    /// </summary>
    public RouteGroupBuilder? Preview { get; init; }

    public static RouteGroups Map(IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").RequireAuthorization(AuthPolicies.Sidebar).WithTags("Tickets").ProducesAuthProblems();
        var webhooks = app.MapGroup("/api/webhooks").AllowAnonymous().WithTags("Webhooks");
        var admin = app.MapGroup("/api/admin").RequireAuthorization(AuthPolicies.Admin).WithTags("Admin").ProducesAuthProblems();
        return new RouteGroups
        {
            Tickets = tickets,
            TicketTasks = tickets.MapGroup("").RequireModelRateLimits(),
            Rewrite = app.MapGroup("/api/rewrite").RequireAuthorization(AuthPolicies.Sidebar).RequireModelRateLimits().WithTags("Rewrite").ProducesAuthProblems(),
            Suggestions = app.MapGroup("/api/suggestions").RequireAuthorization(AuthPolicies.Sidebar).WithTags("Feedback").ProducesAuthProblems(),
            Admin = admin,
            AdminTenant = admin.MapGroup("/tenants/{tenant}"),
            Analytics = app.MapGroup("/api/analytics").RequireAuthorization(AuthPolicies.Analytics).WithTags("Analytics").ProducesAuthProblems(),
            Dashboard = app.MapGroup("/api/dashboard").RequireAuthorization(AuthPolicies.TeamLead).WithTags("Dashboard").ProducesAuthProblems(),
            DashboardAdmin = app.MapGroup("/api/dashboard").RequireAuthorization(AuthPolicies.TenantAdmin).WithTags("Dashboard").ProducesAuthProblems(),
            ZendeskWebhooks = webhooks.MapGroup("/zendesk").WithMetadata(CallerProofs.WebhookSigned),
            FreshdeskWebhooks = webhooks.MapGroup("/freshdesk").WithMetadata(CallerProofs.WebhookSecretSent),
            Sidebar = app.MapGroup("/sidebar").WithTags("Sidebar"),
            Session = app.MapGroup("/sidebar/session").RequireAuthorization(AuthPolicies.Session).WithTags("Sidebar").ProducesAuthProblems(),
            AppFiles = app.MapGroup("/app").ExcludeFromDescription(),
            DashboardPage = app.MapGroup("/dashboard").WithTags("Dashboard"),
            Preview = app.ServiceProvider.IsDemoEnabled() ? MapPreview(app) : null,
        };
    }

    /// <summary>The answer of every preview route while the demo helpdesk it asks for is not running.</summary>
    public static ProblemHttpResult PreviewOff() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No preview here", detail: "The local preview runs only in demo mode, for its in-process demo helpdesks ('helpdesk' zendesk or freshdesk).");

    private static RouteGroupBuilder MapPreview(IEndpointRouteBuilder app)
    {
        var preview = app.MapGroup("/preview").WithTags("Preview").ExcludeFromDescription().WithMetadata(CallerProofs.DemoPreview);
        preview.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestedDemo() is null ? PreviewOff() : await next(context));
        return preview;
    }
}

internal static class RouteGroupConventions
{
    /// <summary>A route group behind a policy answers 401 without a proof and 403 with one that is not enough, as problem+json.</summary>
    public static RouteGroupBuilder ProducesAuthProblems(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
}
