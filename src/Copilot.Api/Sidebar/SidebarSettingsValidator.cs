using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Sidebar;

/// <summary>
/// Each tenant's sidebar settings, checked at start-up: role ids are positive, and each helpdesk's team-lead roles go in
/// its own key — Zendesk's custom roles in <c>TeamLeadCustomRoleIds</c>, Freshdesk's roles in <c>TeamLeadRoleIds</c>; a
/// key the tenant's helpdesk never reads is a mistake worth naming, not a setting silently ignored.
/// </summary>
internal sealed class SidebarSettingsValidator(IConfiguration configuration) : IValidateOptions<SidebarOptions>
{
    public ValidateOptionsResult Validate(string? name, SidebarOptions options)
    {
        var problems = options.Tenants.SelectMany(t => Problems(t.Key, t.Value)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private IEnumerable<string> Problems(string tenant, SidebarTenantOptions o)
    {
        string Key(string name) => $"{SidebarOptions.Section}:Tenants:{tenant}:{name}";
        if (o.TeamLeadCustomRoleIds.Any(id => id <= 0) || o.TeamLeadRoleIds.Any(id => id <= 0))
        {
            yield return $"{Key(nameof(o.TeamLeadCustomRoleIds))} and {Key(nameof(o.TeamLeadRoleIds))} hold role ids: positive numbers.";
        }
        // Read as configured, before the tenant is validated: its own problems are the tenant settings' to report.
        var kind = configuration[$"{CopilotOptions.Section}:Tenants:{tenant}:{nameof(TenantOptions.Helpdesk)}"] ?? new TenantOptions().Helpdesk;
        var helpdesk = HelpdeskCapabilities.Of(kind);
        if (helpdesk == HelpdeskCapabilities.Freshdesk && o.TeamLeadCustomRoleIds.Count > 0)
        {
            yield return $"{Key(nameof(o.TeamLeadCustomRoleIds))} names Zendesk custom roles; tenant '{tenant}' is a Freshdesk account: list its team-lead roles in {Key(nameof(o.TeamLeadRoleIds))}.";
        }
        if (helpdesk == HelpdeskCapabilities.Zendesk && o.TeamLeadRoleIds.Count > 0)
        {
            yield return $"{Key(nameof(o.TeamLeadRoleIds))} names Freshdesk roles; tenant '{tenant}' is a Zendesk account: list its team leads' custom roles in {Key(nameof(o.TeamLeadCustomRoleIds))}.";
        }
    }
}
