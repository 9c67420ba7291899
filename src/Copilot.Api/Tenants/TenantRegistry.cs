using System.Collections.Concurrent;
using System.Text;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Tenants;

/// <summary>
/// The tenants this deployment serves. Built from configuration at start-up (a tenant with
/// a missing or malformed setting fails start-up, naming the key: <see cref="TenantSettingsValidator"/>); the demo tenant adds itself once its
/// helpdesk is listening.
/// </summary>
public sealed class TenantRegistry
{
    public const int MinSecretBytes = 32;
    public const int MaxSyncIntervalMinutes = 7 * 24 * 60;
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
        var errors = Problems(id, o);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Key(id, ""), typeof(TenantOptions), errors);
        }
        var connection = new HelpdeskConnection(o.Helpdesk, new Uri(o.BaseUrl!), o.Email, o.ApiToken, o.OAuthToken, o.ApiKey);
        return new Tenant(id, o, connection, Encoding.UTF8.GetBytes(o.SharedSecret!));
    }

    /// <summary>A tenant id holds only ASCII letters, digits, '-' and '_'.</summary>
    public static bool IsWellFormedId(string? id) =>
        !string.IsNullOrEmpty(id) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Key(string id, string name) => $"{CopilotOptions.Section}:Tenants:{id}:{name}";

    /// <summary>What is wrong with one tenant's settings, each naming its key; empty when it can serve.</summary>
    public static IReadOnlyList<string> Problems(string id, TenantOptions o)
    {
        string Key(string name) => TenantRegistry.Key(id, name);
        if (!IsWellFormedId(id))
        {
            return [$"Tenant id '{id}' ({Key("")}) may hold only letters, digits, '-' and '_'."];
        }
        var errors = new List<string>();
        if (HelpdeskCapabilities.Of(o.Helpdesk) is not { } helpdesk)
        {
            return [$"{Key("Helpdesk")} must be {string.Join(" or ", HelpdeskKinds.All.Select(k => $"'{k}'"))} (was '{o.Helpdesk}')."];
        }
        if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var baseUrl) || !(baseUrl.Scheme == "https" || (baseUrl.Scheme == "http" && baseUrl.IsLoopback)))
        {
            // Credentials travel in every request header: plain http only to this machine.
            errors.Add($"{Key("BaseUrl")} must be an absolute https URL such as {helpdesk.ExampleBaseUrl} (http only for loopback).");
        }
        else if (baseUrl.UserInfo.Length > 0)
        {
            // A user and password in the URL would be sent nowhere and would show wherever the account is named.
            errors.Add($"{Key("BaseUrl")} must not hold a user name or password: give the credentials in their own settings.");
        }
        errors.AddRange(CredentialErrors(o, helpdesk, Key));
        if (o.SharedSecret is null || Encoding.UTF8.GetByteCount(o.SharedSecret) < MinSecretBytes)
        {
            errors.Add($"{Key("SharedSecret")} must be at least {MinSecretBytes} bytes.");
        }
        if (o.SyncIntervalMinutes is < 0 or > MaxSyncIntervalMinutes)
        {
            errors.Add($"{Key("SyncIntervalMinutes")} must be 0 (no background sync) or 1 to {MaxSyncIntervalMinutes} minutes (was {o.SyncIntervalMinutes}).");
        }
        errors.AddRange(o.Model.Validate(Key("Model")));
        if (o.Intents.Any(string.IsNullOrWhiteSpace) || o.Intents.Count > 100)
        {
            errors.Add($"{Key("Intents")} must hold at most 100 non-empty names.");
        }
        errors.AddRange(IntentExampleErrors(o, Key));
        errors.AddRange(o.TriageFields.Validate(Key("TriageFields"), helpdesk.Kind));
        if (!Enum.IsDefined(o.CitationStyle))
        {
            errors.Add($"{Key("CitationStyle")} must be link, title or none.");
        }
        if (o.ToneGuidelines is { Length: > 2000 })
        {
            errors.Add($"{Key("ToneGuidelines")} must be at most 2,000 characters.");
        }
        return errors;
    }

    /// <summary>Each helpdesk takes its own credentials, and only those: a key meant for the other one is a mistake worth naming.</summary>
    private static IEnumerable<string> CredentialErrors(TenantOptions o, HelpdeskCapabilities helpdesk, Func<string, string> key)
    {
        if (helpdesk.Kind == HelpdeskKinds.Freshdesk)
        {
            if (string.IsNullOrEmpty(o.ApiKey))
            {
                yield return $"Set {key("ApiKey")}: a Freshdesk agent's API key (Profile settings → View API key).";
            }
            if (!string.IsNullOrEmpty(o.Email) || !string.IsNullOrEmpty(o.ApiToken) || !string.IsNullOrEmpty(o.OAuthToken))
            {
                yield return $"{key("Email")}, {key("ApiToken")} and {key("OAuthToken")} are Zendesk credentials; a Freshdesk tenant takes only {key("ApiKey")}.";
            }
            yield break;
        }
        if (string.IsNullOrEmpty(o.OAuthToken) && (string.IsNullOrEmpty(o.Email) || string.IsNullOrEmpty(o.ApiToken)))
        {
            yield return $"Set {key("OAuthToken")}, or both {key("Email")} and {key("ApiToken")}.";
        }
        if (!string.IsNullOrEmpty(o.ApiKey))
        {
            yield return $"{key("ApiKey")} is a Freshdesk credential; a Zendesk tenant takes {key("OAuthToken")}, or {key("Email")} and {key("ApiToken")}.";
        }
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
