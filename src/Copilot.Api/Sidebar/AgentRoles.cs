using Copilot.Api.Auth;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Sidebar;

/// <summary>Roles the sidebar knows, decided server-side from the helpdesk's own record of the user.</summary>
public static class AgentRoles
{
    public const string Agent = AuthRoles.Agent;
    public const string Lead = AuthRoles.Lead;
    public const string Admin = AuthRoles.Admin;

    public static string Of(DirectoryUser user, SidebarTenantOptions options) => user switch
    {
        { Role: "admin" } => Admin,
        { CustomRoleId: { } id } when options.TeamLeadCustomRoleIds.Contains(id) => Lead,
        _ => Agent,
    };
}
