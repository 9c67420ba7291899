using Copilot.Api.Auth;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Sidebar;

/// <summary>Roles the sidebar knows, decided server-side from the helpdesk's own record of the user.</summary>
public static class AgentRoles
{
    public const string Agent = AuthRoles.Agent;
    public const string Lead = AuthRoles.Lead;
    public const string Admin = AuthRoles.Admin;

    /// <summary>
    /// One rule for both helpdesks: the helpdesk's admins are admins; an agent holding one of the tenant's team-lead
    /// roles is a lead — on Zendesk its custom role (<see cref="SidebarTenantOptions.TeamLeadCustomRoleIds"/>), on
    /// Freshdesk any role it holds (<see cref="SidebarTenantOptions.TeamLeadRoleIds"/>); everyone else is an agent.
    /// </summary>
    public static string Of(DirectoryUser user, SidebarTenantOptions options) => user switch
    {
        { Role: "admin" } => Admin,
        { CustomRoleId: { } id } when options.TeamLeadCustomRoleIds.Contains(id) => Lead,
        _ when user.RoleIds.Any(options.TeamLeadRoleIds.Contains) => Lead,
        _ => Agent,
    };
}
