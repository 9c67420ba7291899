using Copilot.Api.Configuration;
using Copilot.Api.Hosting;
using Copilot.Api.Webhooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Copilot.Api.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>Analytics queries, the retrieval log, ticket outcomes from Zendesk webhooks, and the analytics policy.</summary>
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<AnalyticsOptions>(AnalyticsOptions.Section);
        builder.Services.AddSingleton<SummaryQuery>();
        builder.Services.AddSingleton<KnowledgeGapsQuery>();
        builder.Services.AddSingleton<OutcomesQuery>();
        builder.Services.AddSingleton<CsvExport>();
        builder.Services.AddSingleton<RetrievalLog>();
        builder.Services.AddSingleton<TicketOutcomeStore>();
        builder.Services.AddSingleton<ZendeskWebhookVerifier>();
        builder.Services.AddOpenApiScheme(ZendeskWebhookVerifier.OpenApiScheme);
        // The assist cache registers its own hook; this default only keeps webhooks working without it.

        // Every registered scheme may carry a team lead's verified session; the policy asks each.
        builder.Services.AddOptions<AuthorizationOptions>().Configure<IAuthenticationSchemeProvider>((o, schemes) =>
        {
            var names = schemes.GetAllSchemesAsync().GetAwaiter().GetResult().Select(s => s.Name).ToArray();
            o.AddPolicy(AnalyticsRoles.Policy, p => p
                .AddAuthenticationSchemes(names)
                .RequireAuthenticatedUser()
                .RequireAssertion(ctx => AnalyticsRoles.IsAllowed(ctx.User)));
        });
        return builder;
    }
}
