using Copilot.Api.Hosting;
using Copilot.Api.ModelTasks;
using Copilot.Api.Redis;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Embeds new and changed passages of every tenant with an embedding model (its provider's or the
/// built-in one), every half minute, logging progress as it goes (and handing each count to <see cref="EmbeddingProgress"/>).
/// With several instances, one at a time embeds a tenant's passages (<see cref="SharedLeases"/>).
/// </summary>
public sealed partial class PassageEmbeddingService(
    TenantRegistry tenants, TenantModels models, PassageVectors vectors, EmbeddingProgress progress, SharedLeases leases,
    ILogger<PassageEmbeddingService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>How long one instance keeps a tenant's embedding to itself: longer than a pass takes.</summary>
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(15);
    public const int MaxPerPass = 20_000;
    private const int Step = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            foreach (var tenant in tenants.All.Where(t => models.Embedder(t) is not null))
            {
                var work = $"embedding:{tenant.Id}";
                if (!await leases.TryTakeAsync(work, LeaseFor))
                {
                    continue; // another instance embeds this tenant's passages now
                }
                try
                {
                    // In steps, so that a large first index reports how far it has got.
                    int done;
                    var total = 0;
                    do
                    {
                        done = await vectors.EmbedMissingAsync(tenant, Step, stoppingToken);
                        total += done;
                        if (done > 0)
                        {
                            var (passages, embedded) = await vectors.ProgressAsync(tenant, stoppingToken);
                            if (models.Embedder(tenant)?.Model is { } model)
                            {
                                progress.Counted(tenant, model, passages, embedded);
                            }
                            Log.Progress(logger, tenant.Id, embedded, passages);
                        }
                    }
                    while (done == Step && total < MaxPerPass);
                }
                catch (ModelException e)
                {
                    Log.Failed(logger, tenant.Id, e.Failure);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                finally
                {
                    await leases.ReleaseAsync(work);
                }
            }
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }


    private static partial class Log
    {
        [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "Embedding passages failed for tenant {Tenant} ({Failure}); will retry")]
        public static partial void Failed(ILogger logger, string tenant, ModelFailure failure);

        [LoggerMessage(EventId = 4213, Level = LogLevel.Information, Message = "Tenant {Tenant}: {Embedded} of {Passages} passages embedded")]
        public static partial void Progress(ILogger logger, string tenant, long embedded, long passages);
    }
}
