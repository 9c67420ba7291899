using Copilot.Api.Actions;
using Copilot.Api.Admin;
using Copilot.Api.Analytics;
using Copilot.Api.Ask;
using Copilot.Api.Assist;
using Copilot.Api.Auth;
using Copilot.Api.Boundaries;
using Copilot.Api.Configuration;
using Copilot.Api.Dashboard;
using Copilot.Api.Demo;
using Copilot.Api.Drafts;
using Copilot.Api.Feedback;
using Copilot.Api.Health;
using Copilot.Api.Hosting;
using Copilot.Api.Intents;
using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Check;
using Copilot.Api.Macros;
using Copilot.Api.ModelTasks;
using Copilot.Api.Procedures;
using Copilot.Api.RateLimits;
using Copilot.Api.Redis;
using Copilot.Api.Replays;
using Copilot.Api.Replays.Cli;
using Copilot.Api.Rewrite;
using Copilot.Api.Routes;
using Copilot.Api.Sidebar;
using Copilot.Api.Store;
using Copilot.Api.Suggestions;
using Copilot.Api.Telemetry;
using Copilot.Api.Tenants;
using Copilot.Api.Triage;
using Copilot.Api.Webhooks;
using Copilot.Connectors;

public partial class Program
{
    /// <summary>The server; or, with <c>replay</c> first, the replay command line (<c>docs/replay.md</c>).</summary>
    public static int Main(string[] args) =>
        args is [ReplayCommand.Name, ..] ? ReplayCommand.Run(args[1..]) : Build(args).RunOrExplain(Console.Error);

    /// <summary>The whole application, in the order a request meets it. Tests call this too.</summary>
    /// <param name="configure">Runs first: settings and services the features keep (a test's clock, fakes).</param>
    /// <param name="configureLast">Runs once every feature has registered its services: a test takes one out (a background service).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<WebApplicationBuilder>? configureLast = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddCopilotHosting();
        builder.AddTelemetry();
        builder.AddCopilotStore();
        builder.AddRedis();
        builder.AddTenants();
        builder.AddAuth();
        builder.Services.AddHelpdeskConnectors(
            o => builder.Configuration.GetSection(ConnectorSettings.ZendeskSection).Bind(o),
            o => builder.Configuration.GetSection(ConnectorSettings.FreshdeskSection).Bind(o));
        builder.CheckConnectorSettings();
        builder.AddDemo();
        builder.AddModels();
        builder.Services.AddSingleton<SuggestionStore>();
        builder.AddAssist();
        builder.AddDrafts();
        builder.AddAsk();
        builder.AddProcedures();
        builder.AddActions();
        builder.AddIntents();
        builder.AddTriage();
        builder.AddRewrite();
        builder.AddFeedback();
        builder.AddKnowledge();
        builder.AddHybridRetrieval();
        builder.AddBoundaries();
        builder.AddSidebar();
        builder.AddAnalytics();
        builder.AddWebhooks();
        builder.AddDashboard();
        builder.AddReplays();
        builder.AddHealth();
        builder.AddModelRateLimits();

        configureLast?.Invoke(builder);
        var app = builder.Build();

        app.UseCopilotHosting();
        app.UseModelRateLimits();
        app.MapHealth();
        app.MapHome();
        var routes = RouteGroups.Map(app);
        routes.Tickets.MapAssistApi().MapMacrosApi().MapActionsApi();
        routes.TicketTasks.MapDraftsApi().MapTriageApi().MapAskApi().MapActionsProposalsApi();
        routes.Rewrite.MapRewriteApi();
        routes.Suggestions.MapFeedbackApi();
        routes.Admin.MapAdminApi();
        routes.AdminTenant.MapKnowledgeApi().MapKnowledgeCheck().MapIntentsApi().MapBoundaryRulesApi().MapTimeSavedApi().MapProceduresApi().MapReplaysApi();
        routes.Analytics.MapAnalyticsApi().MapActionsAnalyticsApi().MapProcedureAnalyticsApi();
        routes.Dashboard.MapTimeSavedReadApi().MapReplaysReadApi();
        routes.DashboardAdmin.MapTimeSavedEditApi();
        routes.ZendeskWebhooks.MapZendeskWebhooks();
        routes.FreshdeskWebhooks.MapFreshdeskWebhooks();
        routes.MapSidebar().MapDashboard();

        return app;
    }
}
