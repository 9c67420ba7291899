using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.Models.Retrieval;

/// <summary>Embeds new and changed passages of every tenant with an embedding model, every half minute.</summary>
public sealed partial class PassageEmbeddingService(TenantRegistry tenants, PassageVectors vectors, ILogger<PassageEmbeddingService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    public const int MaxPerPass = 2_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            foreach (var tenant in tenants.All.Where(t => t.Options.Model.EmbeddingModel is not null && !t.Options.Model.IsOffline))
            {
                try
                {
                    await vectors.EmbedMissingAsync(tenant, MaxPerPass, stoppingToken);
                }
                catch (ModelException e)
                {
                    Log.Failed(logger, tenant.Id, e.Failure);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "Embedding passages failed for tenant {Tenant} ({Failure}); will retry")]
        public static partial void Failed(ILogger logger, string tenant, ModelFailure failure);
    }
}
