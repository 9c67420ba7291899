using Copilot.Api.Analytics;
using Copilot.Api.Hosting;
using Copilot.Api.Store;
using Copilot.Api.Tenants;
using Copilot.Api.Webhooks;

public partial class Program
{
    public static void Main(string[] args) => Build(args).Run();

    /// <summary>The whole application, in the order a request meets it. Tests call this too.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddCopilotHosting();
        builder.AddCopilotStore();
        builder.AddTenants();
        builder.AddAnalytics();

        var app = builder.Build();

        app.UseCopilotHosting();
        app.MapAnalyticsApi();
        app.MapZendeskWebhooks();

        return app;
    }
}
