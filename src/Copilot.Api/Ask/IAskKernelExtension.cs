using Copilot.Api.Assist;
using Copilot.Api.Tenants;
using Microsoft.SemanticKernel;

namespace Copilot.Api.Ask;

/// <summary>Whose question a kernel serves: the tenant, the ticket's assist and the agent who asked.</summary>
public sealed record AskScope(Tenant Tenant, AssistContext Context, string? AgentId);

/// <summary>
/// Adds functions, and the filters that guard them, to the kernel one question is answered with. Features below the
/// ask offer the model more this way (suggested actions: <c>Actions/ActionGate</c>) without the ask knowing them.
/// </summary>
public interface IAskKernelExtension
{
    void Extend(Kernel kernel, AskScope scope);
}
