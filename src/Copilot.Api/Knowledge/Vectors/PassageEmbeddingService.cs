using Copilot.Api.ModelTasks;
using Copilot.Api.Redis;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Embeds new and changed passages of every tenant with an embedding model (its provider's or the built-in one): every
/// half minute, and as soon as this process writes passages (a sync, an import), unless
/// <see cref="KnowledgeOptions.EmbedPassagesOnChange"/> is off. A sync's passages are searched by meaning seconds after it
/// rather than at the next half minute. Each pass is <see cref="PassageEmbedding"/>'s.
/// </summary>
public sealed partial class PassageEmbeddingService(
    TenantRegistry tenants, TenantModels models, PassageEmbedding embedding, PassageVectors vectors, KnowledgeIndex index,
    SharedRedis redis, IOptions<KnowledgeOptions> options, ILogger<PassageEmbeddingService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Released when passages were written; passes it asks for while one runs are one more pass.</summary>
    private readonly SemaphoreSlim _changed = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Another instance embedded passages: what this one loaded of the tenant's vectors is out of date.
        redis.Subscribe(PassageEmbedding.Channel, tenant => vectors.Forget((string?)tenant ?? ""));
        if (options.Value.EmbedPassagesOnChange)
        {
            index.PassagesChanged += Changed;
        }
        try
        {
            do
            {
                foreach (var tenant in tenants.All.Where(t => models.Embedder(t) is not null))
                {
                    try
                    {
                        await embedding.EmbedAsync(tenant, stoppingToken);
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
            while (await NextAsync(stoppingToken));
        }
        finally
        {
            index.PassagesChanged -= Changed;
        }
    }

    private void Changed(string tenant)
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is asked for already.
        }
    }

    /// <summary>Waits for the half minute or for passages written; false when the host is stopping.</summary>
    private async Task<bool> NextAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _changed.WaitAsync(Interval, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "Embedding passages failed for tenant {Tenant} ({Failure}); will retry")]
        public static partial void Failed(ILogger logger, string tenant, ModelFailure failure);
    }
}
