using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Sidebar;

/// <summary>Roles the sidebar knows, decided server-side from the helpdesk's own record of the user.</summary>
public static class AgentRoles
{
    public const string Agent = "agent";
    public const string Lead = "lead";
    public const string Admin = "admin";

    public static string Of(DirectoryUser user, SidebarTenantOptions options) => user switch
    {
        { Role: "admin" } => Admin,
        { CustomRoleId: { } id } when options.TeamLeadCustomRoleIds.Contains(id) => Lead,
        _ => Agent,
    };
}

/// <summary>A verified agent of a tenant, as carried by our session token.</summary>
public sealed record AgentSession(string Tenant, string AgentId, string Name, string Role, DateTimeOffset AuthTime, DateTimeOffset ExpiresAt);
