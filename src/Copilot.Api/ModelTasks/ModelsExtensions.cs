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
    /// Hybrid retrieval (BM25 + vectors by reciprocal rank fusion) for tenants with an embedding model.
    /// Call after <c>AddKnowledge()</c>: it takes over <see cref="IKnowledgeSearch"/>.
    /// </summary>
    public static WebApplicationBuilder AddHybridRetrieval(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PassageVectors>();
        builder.Services.AddSingleton<QueryVectors>();
        builder.Services.AddSingleton<HybridKnowledgeSearch>();
        builder.Services.AddSingleton<IKnowledgeSearch>(sp => sp.GetRequiredService<HybridKnowledgeSearch>());
        builder.Services.AddHostedService<PassageEmbeddingService>();
        return builder;
    }
}
