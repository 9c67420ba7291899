using System.Collections.Concurrent;
using Copilot.Api.ModelTasks;
using Copilot.Api.Redis;
using Copilot.Api.Tenants;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// One pass of a tenant's embedding model over its passages that have no vector yet, in steps, counting its progress
/// (<see cref="EmbeddingProgress"/>) and logging it. The background service runs it for every tenant
/// (<see cref="PassageEmbeddingService"/>); an import runs it at once, so that what it imported is searched by meaning when
/// the import returns. One pass at a time per tenant: in this process by a lock, across instances by a lease
/// (<see cref="SharedLeases"/>); the instance that embedded tells the others, which reload the tenant's vectors at its next search.
/// </summary>
public sealed partial class PassageEmbedding(
    TenantModels models, PassageVectors vectors, EmbeddingProgress progress, SharedLeases leases, SharedRedis redis, ILogger<PassageEmbedding> logger)
{
    /// <summary>The Redis channel instances tell each other on that a tenant's vectors changed; the message is the tenant.</summary>
    public const string Channel = "passage-vectors";

    /// <summary>How long one instance keeps a tenant's embedding to itself: longer than a pass takes.</summary>
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(15);
    public const int MaxPerPass = 20_000;

    /// <summary>
    /// The most an import embeds before it returns (about half a minute at the built-in model's 72 passages a second in
    /// docs/benchmarks.md): a larger import leaves the rest to the background pass rather than hold its caller past a
    /// client's time-out.
    /// </summary>
    public const int MaxNow = 2_000;

    /// <summary>How long <see cref="EmbedNowAsync"/> waits for a pass already running for the tenant.</summary>
    public static readonly TimeSpan MaxWaitNow = TimeSpan.FromSeconds(30);
    private const int Step = 500;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _running = new(StringComparer.Ordinal);

    /// <summary>A pass, unless one is running for the tenant already (here or on another instance).</summary>
    /// <returns>How many passages were embedded; 0 when another pass holds the tenant's embedding.</returns>
    public Task<int> EmbedAsync(Tenant tenant, CancellationToken cancellationToken) =>
        RunAsync(tenant, TimeSpan.Zero, MaxPerPass, cancellationToken);

    /// <summary>
    /// A pass after the one running in this process for the tenant, if any, has ended: what it left is embedded now, up to
    /// <see cref="MaxNow"/> passages. A running pass is waited for up to <see cref="MaxWaitNow"/> (a first index of many
    /// thousand passages takes minutes); after that, what is left stays with it.
    /// </summary>
    /// <returns>How many passages this pass embedded.</returns>
    public Task<int> EmbedNowAsync(Tenant tenant, CancellationToken cancellationToken) =>
        RunAsync(tenant, MaxWaitNow, MaxNow, cancellationToken);

    private async Task<int> RunAsync(Tenant tenant, TimeSpan wait, int max, CancellationToken cancellationToken)
    {
        var running = _running.GetOrAdd(tenant.Id, _ => new SemaphoreSlim(1, 1));
        if (!await running.WaitAsync(wait, cancellationToken))
        {
            return 0;
        }
        try
        {
            return await PassAsync(tenant, max, cancellationToken);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<int> PassAsync(Tenant tenant, int max, CancellationToken cancellationToken)
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
            while (done > 0 && total < max);
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
        [LoggerMessage(EventId = 4213, Level = LogLevel.Information, Message = "Tenant {Tenant}: {Embedded} of {Passages} passages embedded")]
        public static partial void Progress(ILogger logger, string tenant, long embedded, long passages);
    }
}
