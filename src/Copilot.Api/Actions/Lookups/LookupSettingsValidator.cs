using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Actions.Lookups;

/// <summary>
/// Every tenant's lookups, checked at start-up: a URL that is absolute https (http only to this machine) on a host in
/// the tenant's <c>AllowedHosts</c>, placeholders and parameters that match, patterns that compile, a secret only with
/// its header, pre-approval only for a read-only lookup. A lookup that would call anywhere else never starts.
/// </summary>
internal sealed partial class LookupSettingsValidator : IValidateOptions<ActionsOptions>
{
    public ValidateOptionsResult Validate(string? name, ActionsOptions options)
    {
        var problems = options.Tenants.SelectMany(t => Problems(t.Key, t.Value)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Problems(string tenant, TenantActionsOptions o)
    {
        string Key(string name) => $"{ActionsOptions.Section}:Tenants:{tenant}:{name}";
        if (o.AllowedHosts.Any(h => Uri.CheckHostName(h) == UriHostNameType.Unknown))
        {
            yield return $"{Key("AllowedHosts")} holds host names only (no scheme, port or path).";
        }
        foreach (var (lookup, l) in o.Lookups)
        {
            string At(string name) => Key($"Lookups:{lookup}:{name}");
            if (!Name().IsMatch(lookup))
            {
                yield return $"{Key($"Lookups:{lookup}")}: a lookup's name holds letters, digits and '-' (at most 40).";
            }
            if (!Uri.TryCreate(l.Url?.Replace("{", "x", StringComparison.Ordinal).Replace("}", "x", StringComparison.Ordinal), UriKind.Absolute, out var url)
                || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
            {
                yield return $"{At("Url")} must be an absolute https URL (http only for loopback) with {{parameter}} placeholders.";
                continue;
            }
            if (!o.AllowedHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{At("Url")} calls {url.Host}, which is not in {Key("AllowedHosts")}.";
            }
            var placeholders = Placeholder().Matches(l.Url!).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            if (!placeholders.SetEquals(l.Parameters.Keys))
            {
                yield return $"{At("Parameters")} must name exactly the URL's placeholders ({string.Join(", ", placeholders.Order())}).";
            }
            foreach (var (parameter, pattern) in l.Parameters.Where(p => !Compiles(p.Value)))
            {
                yield return $"{At($"Parameters:{parameter}")} must be a regular expression that finds the value in the ticket.";
            }
            if ((l.Secret is null) != (l.SecretHeader is null) || l.SecretHeader is { } header && !HeaderName().IsMatch(header))
            {
                yield return $"{At("SecretHeader")} and {At("Secret")} go together; the header is a header name.";
            }
            if (l.PreApproved && !l.ReadOnly)
            {
                yield return $"{At("PreApproved")}: only a read-only lookup may run without the agent's approval.";
            }
            if (l.TimeoutSeconds is < 1 or > LookupOptions.MaxTimeoutSeconds)
            {
                yield return $"{At("TimeoutSeconds")} must be 1 to {LookupOptions.MaxTimeoutSeconds}.";
            }
            if (l.Description is { Length: > 200 })
            {
                yield return $"{At("Description")} must be at most 200 characters.";
            }
        }
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return pattern.Length > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex Name();

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    internal static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex HeaderName();
}
