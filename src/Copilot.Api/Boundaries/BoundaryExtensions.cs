using Copilot.Api.Drafts.Offline;
using Copilot.Api.Languages;
using Copilot.Api.Summaries;


namespace Copilot.Api.Boundaries;

public static class BoundaryExtensions
{
    /// <summary>Boundary rules (store, cache, evaluation) and the offline provider: summarizer, drafter, language detector.</summary>
    public static WebApplicationBuilder AddBoundaries(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BoundaryRuleStore>();
        builder.Services.AddSingleton<BoundaryRuleService>();
        builder.Services.AddSingleton<IBoundaryRules>(sp => sp.GetRequiredService<BoundaryRuleService>());
        builder.Services.AddSingleton<ILanguageDetector, LanguageDetector>();
        builder.Services.AddSingleton<ISummarizer, OfflineSummarizer>();
        builder.Services.AddSingleton<IOfflineDrafter, OfflineDrafter>();
        return builder;
    }
}
