using Copilot.Api.Configuration;

namespace Copilot.Api.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>Analytics queries and the retrieval log (ticket outcomes come from <c>AddWebhooks</c>).</summary>
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<AnalyticsOptions>(AnalyticsOptions.Section);
        builder.Services.AddSingleton<SummaryQuery>();
        builder.Services.AddSingleton<TimeSavedStore>();
        builder.Services.AddSingleton<KnowledgeGapsQuery>();
        builder.Services.AddSingleton<OutcomesQuery>();
        builder.Services.AddSingleton<CsvExport>();
        builder.Services.AddSingleton<RetrievalLog>();
        return builder;
    }
}
