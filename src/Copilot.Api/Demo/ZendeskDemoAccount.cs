using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Zendesk;

namespace Copilot.Api.Demo;

/// <summary>The fake Zendesk with Lumora Home, smart-lighting retail (<c>DemoData/lumora.json</c>), as tenant "demo".</summary>
public sealed class ZendeskDemoAccount(FakeZendeskData data)
    : DemoAccount<FakeZendesk>(DemoOptions.TenantId, HelpdeskCapabilities.Zendesk, DemoIntents.Lumora)
{
    public override string Company => data.Company.Name;

    internal override async Task<TenantOptions> StartAsync(CancellationToken cancellationToken)
    {
        Fake = await FakeZendesk.StartAsync(data, cancellationToken: cancellationToken);
        return new TenantOptions
        {
            Helpdesk = Helpdesk.Kind, BaseUrl = Fake.BaseUrl.ToString(), Email = data.Email, ApiToken = data.ApiToken,
            // Lumora's "Intent" dropdown, whose options are its intents: applying triage sets it.
            TriageFields = new() { IntentFieldId = data.TicketFields.FirstOrDefault(f => f is { Type: "tagger", Title: "Intent" })?.Id },
        };
    }

    /// <summary>The fake signs loads with its app key (RS256), exactly as Zendesk signs the sidebar's first load.</summary>
    public override string? SignLoad(long userId) => Fake?.SignLoad(userId);

    internal override IReadOnlyList<DemoTicket> Tickets =>
        data.Tickets.Select(t => new DemoTicket(t.Id, t.Status is "solved" or "closed", t.CreatedAt, t.UpdatedAt, t.AssigneeId)).ToList();

    internal override int Articles => data.Articles.Count;
}
