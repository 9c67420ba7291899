using Copilot.Api.Hosting;
using Copilot.Api.Tenants;

namespace Copilot.Api.Intents;

/// <summary>
/// Trains every tenant's intent model at start, then checks every <see cref="Interval"/> whether the
/// stored examples changed (another instance synced, or the demo tenant appeared) and retrains if so.
/// </summary>
public sealed class IntentTraining(TenantRegistry tenants, IntentModels models, TimeProvider time, ILogger<IntentTraining> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            foreach (var tenant in tenants.All)
            {
                try
                {
                    await models.RefreshAsync(tenant, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    IntentLog.RefreshFailed(logger, e, tenant.Id);
                }
            }
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }
}
