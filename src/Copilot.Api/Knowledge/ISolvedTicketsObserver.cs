using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Knowledge;

/// <summary>
/// Told, after a full sync, every solved ticket the sync read (with or without agent replies), so
/// features that learn from a tenant's history need not read the helpdesk again. Failures of an
/// observer fail the sync, which records them and retries when the tenant is next due.
/// </summary>
public interface ISolvedTicketsObserver
{
    Task SolvedTicketsReadAsync(Tenant tenant, IReadOnlyList<SolvedTicket> tickets, CancellationToken cancellationToken);
}
