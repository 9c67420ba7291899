using Copilot.Api.Replays.Sources;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Replays;

/// <summary>Another process is running the run (its lease is fresh), or it has ended.</summary>
public sealed class ReplayBusyException(string message) : Exception(message);

/// <summary>
/// Runs a replay in this process, from where it stands to its end: chooses its tickets when it has none yet (listing the
/// helpdesk's solved tickets), then replays each ticket without a result, a few at a time, writing each result as it
/// comes. Holds the run's lease while it works and gives it up when cancelled (here, or by the run's status).
/// </summary>
public sealed class ReplayRunner(
    ReplayStore store, TenantRegistry tenants, HelpdeskTickets helpdesk, ReplayEvaluator evaluator, IOptions<ReplayOptions> options,
    TimeProvider time, ILogger<ReplayRunner> logger)
{
    public const string HelpdeskGone = "the helpdesk no longer has it";

    public static string NewId() => "rp_" + Guid.CreateVersion7().ToString("N");

    /// <summary>Stores a new run; a JSONL file's tickets are chosen now, so the file is not needed again.</summary>
    public async Task<string> CreateAsync(Tenant tenant, ReplayRequest request, IReadOnlyList<ReplayCandidate>? lines, CancellationToken cancellationToken)
    {
        var id = NewId();
        await store.CreateAsync(id, tenant.Id, request, cancellationToken);
        if (lines is not null)
        {
            await store.PlanAsync(id, ReplayPlan.Choose(lines, request, options.Value.MaxTickets), cancellationToken);
        }
        ReplayLog.Created(logger, id, tenant.Id, request.Source);
        return id;
    }

    /// <param name="replayed">Told of each ticket as its result is stored.</param>
    /// <returns>The run's status when this process stopped working on it: done, cancelled or failed.</returns>
    /// <exception cref="ReplayBusyException">The run is another process's, or has ended.</exception>
    public async Task<string> RunAsync(string id, Action<TicketResult>? replayed, CancellationToken cancellationToken)
    {
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        if (await store.GetAsync(id, cancellationToken) is not { } run || !await store.ClaimAsync(id, owner, lease, cancellationToken))
        {
            throw new ReplayBusyException($"Run {id} has ended, or another process is running it.");
        }
        var tenant = tenants.Find(run.Tenant) ?? throw new ReplayBusyException($"Tenant {run.Tenant} of run {id} is no longer configured.");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beating = BeatAsync(id, owner, lease / 3, stop);
        try
        {
            if (run.Planned is null)
            {
                var since = run.Request.From ?? time.GetUtcNow().AddDays(-options.Value.DefaultDays);
                var listed = await helpdesk.ListAsync(tenant, since, options.Value.MaxListed, stop.Token);
                await store.PlanAsync(id, ReplayPlan.Choose(listed, run.Request, options.Value.MaxTickets), stop.Token);
            }
            var pending = await store.PendingAsync(id, stop.Token);
            ReplayLog.Started(logger, id, tenant.Id, pending.Count);
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = stop.Token },
                async (ticket, ct) =>
                {
                    var result = await ReplayAsync(tenant, ticket.TicketId, ticket.Group, ticket.Input, ct);
                    if (await store.CompleteAsync(id, result, ct))
                    {
                        replayed?.Invoke(result);
                    }
                });
            return await EndAsync(id, ReplayStatus.Done, null);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return await EndAsync(id, ReplayStatus.Cancelled, null);
        }
        catch (Exception e) when (e is HelpdeskException or ReplayBusyException or FormatException)
        {
            ReplayLog.Failed(logger, id, e.GetType().Name);
            return await EndAsync(id, ReplayStatus.Failed, e.Message);
        }
        finally
        {
            await stop.CancelAsync();
            await beating;
        }
    }

    /// <param name="group">The group the source listed the ticket in (a thread read from the helpdesk does not say).</param>
    private async Task<TicketResult> ReplayAsync(Tenant tenant, string ticketId, string? group, string? input, CancellationToken cancellationToken)
    {
        var ticket = input is not null ? JsonlTickets.ToTicket(input) : await helpdesk.ReadAsync(tenant, ticketId, cancellationToken);
        return ticket is null
            ? new TicketResult { TicketId = ticketId, Skipped = HelpdeskGone, Group = group }
            : await evaluator.EvaluateAsync(tenant, ticket with { Group = ticket.Group ?? group }, cancellationToken);
    }

    private async Task<string> EndAsync(string id, string status, string? error)
    {
        // The run's end is written even when the run was cancelled: it is what makes it resumable.
        await store.FinishAsync(id, status, error, CancellationToken.None);
        ReplayLog.Ended(logger, id, status);
        return status;
    }

    /// <summary>Keeps the lease fresh; stops the run when its status says cancelled or another process took it.</summary>
    private async Task BeatAsync(string id, string owner, TimeSpan every, CancellationTokenSource stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(every, time, stop.Token);
                if (await store.HeartbeatAsync(id, owner, stop.Token) is not ReplayStatus.Running and not ReplayStatus.Planning)
                {
                    await stop.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
