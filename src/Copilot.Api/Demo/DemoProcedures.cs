using Copilot.Api.Procedures;

namespace Copilot.Api.Demo;

/// <summary>One procedure as the sample company's admin wrote it (<c>PUT …/procedures/{id}</c>).</summary>
internal sealed record DemoProcedure(string Id, string Intent, string Title, string Steps);

/// <summary>
/// The sample companies' procedures, so a newcomer sees the steps to follow and the actions they suggest on the
/// tickets they fit. Saved once, when the demo tenant has none (an admin's own edits are kept across restarts), and
/// validated as the admin API validates them.
/// </summary>
internal sealed partial class DemoProcedures(DemoHelpdesk demo, ProcedureStore store, ILogger<DemoProcedures> logger) : IHostedService
{
    public static IReadOnlyList<DemoProcedure> For(DemoAccount account) => account switch
    {
        ZendeskDemoAccount => Lumora,
        FreshdeskDemoAccount => Spokewise,
        _ => [],
    };

    private static readonly DemoProcedure[] Lumora =
    [
        new("late-parcel", "shipping", "Late or missing parcel", """
            1. Ask for the order number if the ticket has none, and check the parcel's tracking.
            2. If the tracking has not moved for 5 working days, open a carrier investigation and tell the customer it takes up to 3 working days.
            3. If the customer paid for express delivery and the parcel came late, refund the express fee.
            4. Tag the ticket carrier_investigation
            """),
        new("return-30-days", "returns", "Return within 30 days", """
            1. Check that the order was delivered less than 30 days ago; past that, offer the warranty instead.
            2. Ask which items go back and why.
            3. Send the RMA label by email and explain how to pack the items.
            4. Assign to the Returns and warranty group
            """),
    ];

    private static readonly DemoProcedure[] Spokewise =
    [
        new("ride-did-not-end", "end-ride", "Ride that did not end", """
            1. Find the ride in the rider's history and check where and when the bike was locked.
            2. If the bike was locked in a parking zone, end the ride at the lock time and refund the difference.
            3. If the lock time is unknown, ask the rider for a photo of the locked bike.
            4. Tag the ticket ride_corrected
            """),
        new("out-of-zone-fee", "out-of-zone", "Out-of-zone fee disputed", """
            1. Ask for a photo of the parked bike with the street visible, if the rider sent none.
            2. Compare the bike's last GPS position with the zone map.
            3. If the bike was inside the zone or within 50 m of its edge, refund the fee.
            4. Set priority to low
            """),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var account in demo.RunningAccounts)
        {
            if ((await store.CurrentAsync(account.TenantId, cancellationToken)).Count > 0)
            {
                continue;
            }
            var procedures = For(account);
            foreach (var p in procedures)
            {
                if (ProcedureValidator.Validate(p.Id, new PutProcedureRequest(p.Intent, p.Title, p.Steps)) is { Count: > 0 } errors)
                {
                    throw new InvalidOperationException($"Demo procedure {p.Id} is not valid: {string.Join("; ", errors.SelectMany(e => e.Value))}");
                }
                await store.SaveAsync(account.TenantId, p.Id, p.Intent, p.Title, p.Steps, cancellationToken);
            }
            Log.Saved(logger, account.TenantId, procedures.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Demo tenant {Tenant}: {Count} sample procedures saved")]
        public static partial void Saved(ILogger logger, string tenant, int count);
    }
}
