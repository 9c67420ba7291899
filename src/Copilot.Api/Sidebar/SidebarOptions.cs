using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Sidebar;

/// <summary>The <c>Sidebar</c> section: where the built app is, how long sessions live, who counts as a team lead.</summary>
public sealed class SidebarOptions
{
    public const string Section = "Sidebar";

    /// <summary>The built app (<c>sidebar-app/dist</c>). Unset: looked for above the content root and the binaries.</summary>
    public string? AppDirectory { get; set; }

    /// <summary>Lifetime of one session token; the app trades it for a fresh one before it runs out.</summary>
    [Range(1, 60)]
    public int SessionMinutes { get; set; } = 30;

    /// <summary>After this long since Zendesk's signed load, the agent must reopen the app.</summary>
    [Range(1, 24)]
    public int MaxSessionHours { get; set; } = 12;

    /// <summary>Per tenant id: the Zendesk app and the roles of team leads (<see cref="SidebarSettingsValidator"/> checks them).</summary>
    public Dictionary<string, SidebarTenantOptions> Tenants { get; set; } = new(StringComparer.Ordinal);

    public SidebarTenantOptions For(string tenant) => Tenants.TryGetValue(tenant, out var o) ? o : new SidebarTenantOptions();
}

public sealed class SidebarTenantOptions
{
    /// <summary>The installed app's id. Unset: taken from the signed token's key URL (<c>cnf.jku</c>) on the tenant's own host.</summary>
    public long? AppId { get; set; }

    /// <summary>Zendesk tenants: custom role ids whose agents are team leads (admins always are).</summary>
    public List<long> TeamLeadCustomRoleIds { get; set; } = [];

    /// <summary>Freshdesk tenants: role ids whose agents are team leads, any role the agent holds, default ones included (admins always are).</summary>
    public List<long> TeamLeadRoleIds { get; set; } = [];
}
