using Microsoft.Extensions.Options;

namespace Copilot.Api.Tenants;

/// <summary>
/// Every configured tenant's settings, checked with the rest of the configuration before the host
/// serves: a tenant either starts complete or stops start-up, naming the key; it never goes missing.
/// </summary>
internal sealed class TenantSettingsValidator : IValidateOptions<CopilotOptions>
{
    public ValidateOptionsResult Validate(string? name, CopilotOptions options)
    {
        var problems = options.Tenants.SelectMany(t => TenantRegistry.Problems(t.Key, t.Value)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
