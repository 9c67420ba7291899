using Copilot.Api.Assist;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.ModelTasks;

/// <summary>The <c>provider</c> of a response, truthful about who wrote it.</summary>
public static class ProviderInfo
{
    public const string UnavailableLabel = "model unavailable — offline suggestion";

    public static ProviderDto Model(Tenant tenant) =>
        new(TenantModels.ProviderName(tenant), Offline: false, ModelAvailable: true, $"Written by {tenant.Options.Model.ChatModel}.");

    /// <summary>The model was asked and failed (or its breaker is open): the offline provider answered.</summary>
    public static ProviderDto Unavailable(Tenant tenant, ModelException failure) =>
        new(TenantModels.ProviderName(tenant), Offline: true, ModelAvailable: false, $"{UnavailableLabel} ({Reason(failure)}).");

    /// <summary>Boundary rules keep the ticket with a human: its thread is not sent to the model at all.</summary>
    public static ProviderDto KeptFromModel(Tenant tenant, IEnumerable<string> rules) =>
        new(TenantModels.ProviderName(tenant), Offline: true, ModelAvailable: true,
            $"Kept with a human by boundary rules ({string.Join(", ", rules)}): the thread was not sent to the model; offline suggestion.");

    /// <summary>The task needs no model for this ticket (no answer is due): its thread is not sent to the model.</summary>
    public static ProviderDto NotNeeded(Tenant tenant, string why) =>
        new(TenantModels.ProviderName(tenant), Offline: true, ModelAvailable: true,
            $"No answer is due ({why}): the thread was not sent to the model; offline suggestion.");

    public static string Reason(ModelException e) => e.Failure switch
    {
        ModelFailure.CircuitOpen => "paused after repeated failures",
        ModelFailure.Timeout => "no answer in time",
        ModelFailure.Network => "unreachable",
        ModelFailure.InvalidResponse => "unusable answer",
        _ when e.IsRateLimited => "rate limited",
        _ => $"error {e.StatusCode}",
    };
}
