using Copilot.Fakes.Freshdesk;

namespace Copilot.Tests.Infrastructure;

/// <summary>
/// Who is who in a fake Freshdesk account, by what the copilot should let them do — found in the data rather than
/// written down, so the demo company can change: an admin (Freshdesk's Account Administrator or Administrator role),
/// a team lead (the custom "Team lead" role), a plain agent (the default Agent role alone), a collaborator and a contact.
/// </summary>
public sealed record FreshdeskPeople(long Admin, long Lead, long Agent, long Collaborator, long Contact, long TeamLeadRole)
{
    private static readonly string[] AdminRoles = ["Account Administrator", "Administrator"];

    public static FreshdeskPeople Of(FakeFreshdeskData data)
    {
        var role = data.Roles.ToDictionary(r => r.Id);
        bool Holds(FakeFdAgent a, Func<FakeFdRole, bool> test) => a.RoleIds.Any(id => role.TryGetValue(id, out var r) && test(r));
        var staff = data.Agents.Where(a => a.Active && a.Type == "support_agent").ToList();
        var lead = TeamLeadRoleOf(data) ?? throw new InvalidOperationException("The account has no custom 'Team lead' role.");
        return new FreshdeskPeople(
            Admin: staff.First(a => Holds(a, r => r.Default && AdminRoles.Contains(r.Name))).Id,
            Lead: staff.First(a => a.RoleIds.Contains(lead) && !Holds(a, r => r.Default && AdminRoles.Contains(r.Name))).Id,
            Agent: staff.First(a => a.RoleIds.Count > 0 && a.RoleIds.All(id => role.TryGetValue(id, out var r) && r.Default && r.Name == "Agent")).Id,
            Collaborator: data.Agents.First(a => a.Type == "collaborator").Id,
            Contact: data.Contacts.First().Id,
            TeamLeadRole: lead);
    }

    /// <summary>The account's custom "Team lead" role, when it has one.</summary>
    public static long? TeamLeadRoleOf(FakeFreshdeskData data) =>
        data.Roles.FirstOrDefault(r => !r.Default && r.Name == "Team lead")?.Id;
}
