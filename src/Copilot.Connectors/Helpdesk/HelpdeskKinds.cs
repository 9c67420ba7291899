namespace Copilot.Connectors.Helpdesk;

/// <summary>The helpdesks a tenant can be connected to (<see cref="HelpdeskConnection.Kind"/>).</summary>
public static class HelpdeskKinds
{
    public const string Zendesk = "zendesk";
    public const string Freshdesk = "freshdesk";

    public static IReadOnlyList<string> All { get; } = [Zendesk, Freshdesk];
}
