using Copilot.Api.Configuration;
using Copilot.Api.Webhooks;

namespace Copilot.Api.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>Analytics queries, the retrieval log, and ticket outcomes from Zendesk webhooks.</summary>
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<AnalyticsOptions>(AnalyticsOptions.Section);
        builder.Services.AddSingleton<SummaryQuery>();
        builder.Services.AddSingleton<TimeSavedStore>();
        builder.Services.AddSingleton<KnowledgeGapsQuery>();
        builder.Services.AddSingleton<OutcomesQuery>();
        builder.Services.AddSingleton<CsvExport>();
        builder.Services.AddSingleton<RetrievalLog>();
        builder.Services.AddSingleton<TicketOutcomeStore>();
        builder.Services.AddSingleton<ZendeskWebhookVerifier>();
        return builder;
    }
}
