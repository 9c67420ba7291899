using System.Collections.Concurrent;
using System.Text;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Tenants;

/// <summary>
/// The tenants this deployment serves. Built from configuration at start-up (a tenant with
/// a missing setting fails start-up, naming the key); the demo tenant adds itself once its
/// helpdesk is listening.
/// </summary>
public sealed class TenantRegistry
{
    public const int MinSecretBytes = 32;
    private readonly ConcurrentDictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);

    public TenantRegistry(IOptions<CopilotOptions> options)
    {
        foreach (var (id, tenant) in options.Value.Tenants)
        {
            Add(id, tenant);
        }
    }

    public IEnumerable<Tenant> All => _tenants.Values.OrderBy(t => t.Id, StringComparer.Ordinal);

    public Tenant? Find(string id) => _tenants.TryGetValue(id, out var tenant) ? tenant : null;

    public Tenant Add(string id, TenantOptions options)
    {
        var tenant = Validate(id, options);
        _tenants[id] = tenant;
        return tenant;
    }

    private static Tenant Validate(string id, TenantOptions o)
    {
        string Key(string name) => $"{CopilotOptions.Section}:Tenants:{id}:{name}";
        if (string.IsNullOrWhiteSpace(id) || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new OptionsValidationException(Key(""), typeof(TenantOptions), [$"Tenant id '{id}' may hold only letters, digits, '-' and '_'."]);
        }
        var errors = new List<string>();
        if (o.Helpdesk is not "zendesk")
        {
            errors.Add($"{Key("Helpdesk")} must be 'zendesk'.");
        }
        if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var baseUrl) || !(baseUrl.Scheme == "https" || (baseUrl.Scheme == "http" && baseUrl.IsLoopback)))
        {
            // Credentials travel in every request header: plain http only to this machine.
            errors.Add($"{Key("BaseUrl")} must be an absolute https URL such as https://yourcompany.zendesk.com (http only for loopback).");
        }
        if (string.IsNullOrEmpty(o.OAuthToken) && (string.IsNullOrEmpty(o.Email) || string.IsNullOrEmpty(o.ApiToken)))
        {
            errors.Add($"Set {Key("OAuthToken")}, or both {Key("Email")} and {Key("ApiToken")}.");
        }
        if (o.SharedSecret is null || Encoding.UTF8.GetByteCount(o.SharedSecret) < MinSecretBytes)
        {
            errors.Add($"{Key("SharedSecret")} must be at least {MinSecretBytes} bytes.");
        }
        errors.AddRange(o.Model.Validate(Key("Model")));
        if (o.Intents.Any(string.IsNullOrWhiteSpace) || o.Intents.Count > 100)
        {
            errors.Add($"{Key("Intents")} must hold at most 100 non-empty names.");
        }
        errors.AddRange(IntentExampleErrors(o, Key));
        if (o.ToneGuidelines is { Length: > 2000 })
        {
            errors.Add($"{Key("ToneGuidelines")} must be at most 2,000 characters.");
        }
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Key(""), typeof(TenantOptions), errors);
        }
        var connection = new HelpdeskConnection(o.Helpdesk, baseUrl!, o.Email, o.ApiToken, o.OAuthToken);
        return new Tenant(id, o, connection, Encoding.UTF8.GetBytes(o.SharedSecret!));
    }

    private static IEnumerable<string> IntentExampleErrors(TenantOptions o, Func<string, string> key)
    {
        foreach (var (intent, examples) in o.IntentExamples)
        {
            if (!o.Intents.Contains(intent, StringComparer.Ordinal))
            {
                yield return $"{key($"IntentExamples:{intent}")} names an intent that is not in {key("Intents")}.";
            }
            if (examples.Count > 500 || examples.Any(e => string.IsNullOrWhiteSpace(e) || e.Length > 2000))
            {
                yield return $"{key($"IntentExamples:{intent}")} must hold at most 500 non-empty examples of at most 2,000 characters.";
            }
        }
        if (o.IntentConfidenceFloor is < 0 or > 1 || double.IsNaN(o.IntentConfidenceFloor))
        {
            yield return $"{key("IntentConfidenceFloor")} must be between 0 and 1.";
        }
    }
}
