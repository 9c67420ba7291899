using Copilot.Api.Configuration;
using Copilot.Api.Tenants;

namespace Copilot.Api.Demo;

public static class DemoExtensions
{
    /// <summary>
    /// With no tenant configured (or <c>Copilot:Demo:Enabled=true</c>), runs the sample helpdesks (a Zendesk and a
    /// Freshdesk account) so a fresh <c>dotnet run</c> is a working copilot. Register before features that sync tenants.
    /// </summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<DemoOptions>(DemoOptions.Section);
        var configured = builder.Configuration.GetSection($"{CopilotOptions.Section}:Tenants").GetChildren().Any();
        // Read before the host is built; a malformed value is reported by the start-up check, not thrown here.
        var enabled = ConfigurationCheck.Flag(builder.Configuration, $"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}") ?? !configured;
        if (enabled)
        {
            builder.Services.AddSingleton<DemoHelpdesk>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoHelpdesk>());
            // After the store's migrations (registered before) and the demo tenants.
            builder.Services.AddHostedService<DemoProcedures>();
        }
        return builder;
    }

    /// <summary>
    /// The root: in demo mode straight to the local preview; otherwise where the API describes itself.
    /// </summary>
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http) => http.RequestServices.IsDemoRunning()
                ? Results.Redirect("/preview")
                : Results.Ok(new { name = "Copilot", openApi = "/openapi/v1.json", health = "/health/ready" }))
            .ExcludeFromDescription();
        return app;
    }

    public static bool IsDemoRunning(this IServiceProvider services) => services.GetService<DemoHelpdesk>()?.Running == true;

    /// <summary>True when this process runs the demo helpdesks (demo mode), whether or not they have started yet.</summary>
    public static bool IsDemoEnabled(this IServiceProvider services) => services.GetService<DemoHelpdesk>() is not null;

    /// <summary>The query parameter that picks a demo account by its helpdesk (<c>?helpdesk=freshdesk</c>); without it, the Zendesk demo.</summary>
    public const string HelpdeskQuery = "helpdesk";

    /// <summary>
    /// The in-process demo account of <paramref name="helpdesk"/> (empty: the first), while its tenant is the one the
    /// registry holds. Null outside demo mode — a configured tenant that happens to have a demo's id is a real helpdesk
    /// account and never counts — and for a helpdesk no demo runs.
    /// </summary>
    public static DemoAccount? RunningDemo(this IServiceProvider services, string? helpdesk)
    {
        var running = services.GetService<DemoHelpdesk>()?.RunningAccounts ?? [];
        return string.IsNullOrEmpty(helpdesk)
            ? running.FirstOrDefault()
            : running.FirstOrDefault(a => string.Equals(a.Helpdesk.Kind, helpdesk, StringComparison.Ordinal));
    }

    /// <summary>The demo account a preview request asked for (<see cref="HelpdeskQuery"/>); null when none runs for it.</summary>
    public static DemoAccount? RequestedDemo(this HttpContext http) =>
        http.RequestServices.RunningDemo(http.Request.Query[HelpdeskQuery].ToString());

    /// <summary>The tenant of the demo a preview request asked for; the preview's route group has already refused any other request.</summary>
    public static Tenant DemoTenant(this HttpContext http) => http.RequestedDemo()!.Tenant!;
}
