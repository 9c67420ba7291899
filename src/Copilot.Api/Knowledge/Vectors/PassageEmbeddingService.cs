using Copilot.Api.Hosting;
using Copilot.Api.ModelTasks;
using Copilot.Api.Redis;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Embeds new and changed passages of every tenant with an embedding model (its provider's or the
/// built-in one), every half minute, logging progress as it goes (and handing each count to <see cref="EmbeddingProgress"/>).
/// With several instances, one at a time embeds a tenant's passages (<see cref="SharedLeases"/>), and then tells the others,
/// which reload the tenant's vectors at its next search.
/// </summary>
public sealed partial class PassageEmbeddingService(
    TenantRegistry tenants, TenantModels models, PassageVectors vectors, EmbeddingProgress progress, SharedLeases leases,
    SharedRedis redis, ILogger<PassageEmbeddingService> logger) : BackgroundService
{
    private const string Channel = "passage-vectors";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>How long one instance keeps a tenant's embedding to itself: longer than a pass takes.</summary>
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(15);
    public const int MaxPerPass = 20_000;
    private const int Step = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Another instance embedded passages: what this one loaded of the tenant's vectors is out of date.
        redis.Subscribe(Channel, tenant => vectors.Forget((string?)tenant ?? ""));
        using var timer = new PeriodicTimer(Interval);
        do
        {
            foreach (var tenant in tenants.All.Where(t => models.Embedder(t) is not null))
            {
                try
                {
                    await EmbedAsync(tenant, stoppingToken);
                }
                catch (ModelException e)
                {
                    Log.Failed(logger, tenant.Id, e.Failure);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }

    /// <summary>One pass over a tenant: its passages without a vector, in steps; then every instance reloads its vectors.</summary>
    /// <returns>How many passages were embedded; 0 when another instance holds the tenant's embedding.</returns>
    internal async Task<int> EmbedAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var work = $"embedding:{tenant.Id}";
        if (!await leases.TryTakeAsync(work, LeaseFor))
        {
            return 0; // another instance embeds this tenant's passages now
        }
        var total = 0;
        try
        {
            // In steps, so that a large first index reports how far it has got.
            int done;
            do
            {
                done = await vectors.EmbedMissingAsync(tenant, Step, cancellationToken);
                total += done;
                if (done > 0)
                {
                    var (passages, embedded) = await vectors.ProgressAsync(tenant, cancellationToken);
                    if (models.Embedder(tenant)?.Model is { } model)
                    {
                        progress.Counted(tenant, model, passages, embedded);
                    }
                    Log.Progress(logger, tenant.Id, embedded, passages);
                }
            }
            // Until a step finds nothing left: a step that also read titles embeds fewer than Step passages with more to come.
            while (done > 0 && total < MaxPerPass);
        }
        finally
        {
            await leases.ReleaseAsync(work);
            if (total > 0)
            {
                await redis.PublishAsync(Channel, tenant.Id);
            }
        }
        return total;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "Embedding passages failed for tenant {Tenant} ({Failure}); will retry")]
        public static partial void Failed(ILogger logger, string tenant, ModelFailure failure);

        [LoggerMessage(EventId = 4213, Level = LogLevel.Information, Message = "Tenant {Tenant}: {Embedded} of {Passages} passages embedded")]
        public static partial void Progress(ILogger logger, string tenant, long embedded, long passages);
    }
}
