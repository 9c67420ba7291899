using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Connectors.Models;

namespace Copilot.Api.ModelTasks;

public static class ModelsExtensions
{
    /// <summary>Model clients per tenant (offline tenants get none), and the runner every AI task goes through (model or offline, per request).</summary>
    public static WebApplicationBuilder AddModels(this WebApplicationBuilder builder)
    {
        builder.Services.AddModelClients();
        builder.Services.AddSingleton<TenantModels>();
        builder.Services.AddSingleton<ModelTaskRunner>();
        return builder;
    }

    /// <summary>
    /// The one <see cref="IKnowledgeSearch"/>: hybrid retrieval (BM25 + vectors, fused by score)
    /// for tenants with an embedding model, keyword search alone for the others — chosen per tenant by
    /// its model settings (<see cref="TenantModels.Embedder"/>), not by registration order.
    /// </summary>
    public static WebApplicationBuilder AddHybridRetrieval(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PassageVectors>();
        builder.Services.AddSingleton<EmbeddingProgress>();
        builder.Services.AddSingleton<QueryVectors>();
        builder.Services.AddSingleton<HybridKnowledgeSearch>();
        builder.Services.AddSingleton<IKnowledgeSearch>(sp => sp.GetRequiredService<HybridKnowledgeSearch>());
        builder.Services.AddSingleton<PassageEmbedding>();
        builder.Services.AddHostedService<PassageEmbeddingService>();
        return builder;
    }
}
