namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// What differs between the helpdesks, in one place: features ask this object, never the helpdesk's name.
/// The connectors hide how each vendor is read; this says what each one offers and how it names things.
/// </summary>
/// <param name="Kind">The connection kind (<see cref="HelpdeskKinds"/>).</param>
/// <param name="Name">The product's name, as agents and admins know it.</param>
/// <param name="ExampleBaseUrl">The account's address, as an admin would write it.</param>
/// <param name="SignsAgentLoads">
/// The helpdesk signs the app's page load with the agent's id (Zendesk's signed URLs), so the backend can prove the
/// agent. Freshdesk signs nothing about the agent: its app proves the tenant with the shared secret, and the agent's id
/// is checked against the agents API.
/// </param>
/// <param name="MacroName">What the helpdesk calls a macro (Freshdesk: canned responses).</param>
/// <param name="AppSetsTagsAndFields">The sidebar app may set tags and custom fields on the open ticket.</param>
public sealed record HelpdeskCapabilities(
    string Kind,
    string Name,
    string ExampleBaseUrl,
    bool SignsAgentLoads,
    string MacroName,
    bool AppSetsTagsAndFields)
{
    public static readonly HelpdeskCapabilities Zendesk = new(HelpdeskKinds.Zendesk, "Zendesk", "https://yourcompany.zendesk.com",
        SignsAgentLoads: true, MacroName: "macro", AppSetsTagsAndFields: true);

    public static readonly HelpdeskCapabilities Freshdesk = new(HelpdeskKinds.Freshdesk, "Freshdesk", "https://yourcompany.freshdesk.com",
        SignsAgentLoads: false, MacroName: "canned response", AppSetsTagsAndFields: false);

    public static IReadOnlyList<HelpdeskCapabilities> All { get; } = [Zendesk, Freshdesk];

    /// <returns>null for a kind no connector serves.</returns>
    public static HelpdeskCapabilities? Of(string? kind) =>
        All.FirstOrDefault(c => string.Equals(c.Kind, kind, StringComparison.Ordinal));

    public static HelpdeskCapabilities Of(HelpdeskConnection connection) =>
        Of(connection.Kind) ?? throw new ArgumentException($"No helpdesk '{connection.Kind}'.", nameof(connection));
}
