using Copilot.Api.Configuration;
using Copilot.Api.Tenants;

namespace Copilot.Api.Demo;

public static class DemoExtensions
{
    /// <summary>
    /// With no tenant configured (or <c>Copilot:Demo:Enabled=true</c>), runs the sample helpdesk
    /// so a fresh <c>dotnet run</c> is a working copilot. Register before features that sync tenants.
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

    /// <summary>True when this process runs the demo helpdesk (demo mode), whether or not it has started yet.</summary>
    public static bool IsDemoEnabled(this IServiceProvider services) => services.GetService<DemoHelpdesk>() is not null;

    /// <summary>
    /// The in-process demo tenant: registered by this process for its own fake helpdesk and still the
    /// one the registry holds. Null outside demo mode — a configured tenant that happens to be called
    /// "demo" is a real helpdesk account and never counts.
    /// </summary>
    public static Tenant? RunningDemoTenant(this IServiceProvider services) =>
        services.GetService<DemoHelpdesk>()?.Tenant is { } demo
        && ReferenceEquals(services.GetRequiredService<TenantRegistry>().Find(demo.Id), demo)
            ? demo
            : null;
}
