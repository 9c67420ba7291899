using Copilot.Api.Configuration;
using Copilot.Api.Demo;
using Copilot.Api.Routes;

namespace Copilot.Api.Dashboard;

public static class DashboardExtensions
{
    /// <summary>
    /// The team-lead dashboard (Zendesk's top-bar location). With the demo helpdesks running, also
    /// the replay that gives each demo tenant analytics history (<c>Copilot:Demo:SeedAnalytics</c>,
    /// default true). Register after AddDemo() and AddSidebar().
    /// </summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var demo = builder.Services.Any(d => d.ServiceType == typeof(DemoHelpdesk));
        if (demo && (ConfigurationCheck.Flag(builder.Configuration, $"{DemoOptions.Section}:{nameof(DemoOptions.SeedAnalytics)}") ?? true))
        {
            builder.Services.AddSingleton<DemoAnalyticsSeeder>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoAnalyticsSeeder>());
        }
        return builder;
    }

    public static RouteGroups MapDashboard(this RouteGroups routes)
    {
        DashboardEndpoints.Map(routes);
        return routes;
    }
}
