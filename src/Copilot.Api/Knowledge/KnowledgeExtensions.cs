using Copilot.Api.Configuration;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Knowledge;

public static class KnowledgeExtensions
{
    /// <summary>
    /// The knowledge index, its sync and the background scheduler. Sync needs an
    /// <see cref="Copilot.Connectors.Helpdesk.IHelpdeskClientFactory"/>, registered by the connector;
    /// the search used for retrieval (<see cref="IKnowledgeSearch"/>) is registered by <c>AddHybridRetrieval()</c>.
    /// </summary>
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<KnowledgeOptions>(KnowledgeOptions.Section)
            .Validate(o => o.PassageMaxWords >= o.PassageMinWords, $"{KnowledgeOptions.Section}:PassageMaxWords must be at least PassageMinWords.")
            .Validate(o => Copilot.Connectors.Models.Local.LocalModelSpec.Named(o.OfflineModel) is not null,
                $"{KnowledgeOptions.Section}:OfflineModel must be {string.Join(" or ", Copilot.Connectors.Models.Local.LocalModelSpec.All.Select(m => m.Name))}.");
        builder.Services.AddSingleton(sp => new KnowledgeIndex(
            sp.GetRequiredService<Copilot.Api.Store.Db>(), sp.GetRequiredService<IOptions<KnowledgeOptions>>(), sp.GetRequiredService<Copilot.Api.Store.StoreChanges>(),
            sp.GetRequiredService<Copilot.Api.Languages.ILanguageDetector>()));
        builder.Services.AddSingleton<KnowledgeChanges>();
        builder.Services.AddHostedService<KnowledgeChanges.Listening>();
        builder.Services.AddSingleton<RelevantKnowledge>();
        builder.Services.AddSingleton<Check.KnowledgeCheck>();
        builder.Services.AddSingleton<SyncStateStore>();
        builder.Services.AddSingleton<KnowledgeSync>();
        builder.Services.AddHostedService<KnowledgeSyncService>();
        return builder;
    }
}
