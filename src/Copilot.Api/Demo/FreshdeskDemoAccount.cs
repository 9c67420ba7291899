using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;

namespace Copilot.Api.Demo;

/// <summary>The fake Freshdesk with Spokewise, bike and e-bike sharing (<c>DemoData/spokewise.json</c>), as tenant "demo-freshdesk".</summary>
public sealed class FreshdeskDemoAccount(FakeFreshdeskData data)
    : DemoAccount<FakeFreshdesk>(DemoOptions.FreshdeskTenantId, HelpdeskCapabilities.Freshdesk, DemoIntents.Spokewise)
{
    public override string Company => data.Company.Name;

    internal override async Task<TenantOptions> StartAsync(CancellationToken cancellationToken)
    {
        // Spokewise is on a plan with Freshdesk's 700 calls a minute: the start-up sync and the replayed history then
        // fit in the copilot's share, so the preview's first reads are not held back by the budget.
        data.RateLimitPerMinute = 700;
        Fake = await FakeFreshdesk.StartAsync(data, cancellationToken: cancellationToken);
        return new TenantOptions
        {
            Helpdesk = Helpdesk.Kind, BaseUrl = Fake.BaseUrl.ToString(), ApiKey = data.ApiKey,
            // Spokewise's "Intent" dropdown (cf_intent), whose choices are its intents: applying triage sets it.
            TriageFields = new() { IntentFieldName = data.TicketFields.FirstOrDefault(f => f is { Type: "custom_dropdown", Label: "Intent" })?.Name },
        };
    }

    /// <summary>Freshdesk signs no page loads: the preview starts the agent's session from the agents API alone.</summary>
    public override string? SignLoad(long userId) => null;

    /// <summary>Freshdesk's statuses 4 and 5 are resolved and closed; the responder is the assignee.</summary>
    internal override IReadOnlyList<DemoTicket> Tickets =>
        data.Tickets.Select(t => new DemoTicket(t.Id, t.Status is 4 or 5, t.CreatedAt, t.UpdatedAt, t.ResponderId)).ToList();

    internal override int Articles => data.Articles.Count;
}
