using Copilot.Api.Sidebar;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Sidebar;

/// <summary>The one rule both helpdesks' users get their copilot role by.</summary>
public sealed class AgentRolesTests
{
    private static readonly SidebarTenantOptions Settings = new() { TeamLeadCustomRoleIds = [77], TeamLeadRoleIds = [110] };

    private static DirectoryUser User(string role, long? customRole = null, params long[] roles) =>
        new(1, "Sam", null, role, customRole, "en") { RoleIds = roles };

    [Fact]
    public void TheHelpdesksAdminsAreAdminsWhateverRolesTheyHold() =>
        Assert.Equal(AgentRoles.Admin, AgentRoles.Of(User("admin", 77, 110), Settings));

    [Fact]
    public void AZendeskAgentIsALeadByItsCustomRole()
    {
        Assert.Equal(AgentRoles.Lead, AgentRoles.Of(User("agent", 77), Settings));
        Assert.Equal(AgentRoles.Agent, AgentRoles.Of(User("agent", 78), Settings));
    }

    [Fact]
    public void AFreshdeskAgentIsALeadByAnyRoleItHoldsDefaultOnesIncluded()
    {
        Assert.Equal(AgentRoles.Lead, AgentRoles.Of(User("agent", null, 104, 110), Settings));
        Assert.Equal(AgentRoles.Agent, AgentRoles.Of(User("agent", null, 104), Settings));
        Assert.Equal(AgentRoles.Agent, AgentRoles.Of(User("agent", null, 104), new SidebarTenantOptions()));
    }
}
