using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Evaluation;

/// <summary>
/// The sync indexes words at once and the built-in model reads the passages in the background after it. A host the
/// evaluation drafts in waits for that, so its figures are the product's once indexing is done, not a race with it.
/// </summary>
internal static class Indexing
{
    public static async Task WaitForVectorsAsync(IServiceProvider services, string tenantId)
    {
        var tenant = services.GetRequiredService<TenantRegistry>().Find(tenantId)
            ?? throw new InvalidOperationException($"No tenant {tenantId}.");
        if (services.GetRequiredService<TenantModels>().Embedder(tenant) is null)
        {
            return;
        }
        var vectors = services.GetRequiredService<PassageVectors>();
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            var (passages, embedded) = await vectors.ProgressAsync(tenant, CancellationToken.None);
            if (embedded >= passages)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Tenant {tenantId}: {embedded} of {passages} passages embedded after 10 minutes.");
            }
            await Task.Delay(200);
        }
    }
}
