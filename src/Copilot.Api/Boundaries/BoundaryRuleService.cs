using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Boundaries;

/// <summary>
/// Runs a tenant's boundary rules on threads. Each tenant's rules are compiled once and cached;
/// an update through this instance drops the cache at once, and entries expire after
/// <see cref="CacheLifetime"/> so that other instances sharing the store pick changes up too.
/// </summary>
public sealed partial class BoundaryRuleService(BoundaryRuleStore store, TimeProvider time, ILogger<BoundaryRuleService> logger) : IBoundaryRules
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, CacheEntry> _cache = new(StringComparer.Ordinal);

    /// <summary>The shipped defaults, compiled once for every tenant without rules of its own.</summary>
    private static readonly Lazy<CompiledRuleSet> Defaults = new(() => CompiledRuleSet.Compile(BoundaryRule.Defaults, compileRegexes: true));

    /// <summary>The rules in force for a tenant, and whether they are the shipped defaults.</summary>
    public sealed record RuleList(IReadOnlyList<BoundaryRule> Rules, bool IsDefault, DateTimeOffset? UpdatedAt);

    public async Task<IReadOnlyList<BoundaryWarning>> EvaluateAsync(string tenant, HelpdeskThread thread, CancellationToken cancellationToken)
    {
        var compiled = await CompiledAsync(tenant, cancellationToken);
        return compiled.Evaluate(thread, (rule, _) => LogTimeout(logger, tenant, rule));
    }

    /// <summary>How angry the customer's latest message reads by the tenant's anger rule (see <see cref="AngerScore"/>); null without one.</summary>
    public async Task<(double Score, double Threshold)?> LatestAngerAsync(string tenant, HelpdeskThread thread, CancellationToken cancellationToken) =>
        (await CompiledAsync(tenant, cancellationToken)).LatestAnger(thread);

    public async Task<RuleList> GetAsync(string tenant, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(tenant, cancellationToken);
        return stored is null ? new RuleList(BoundaryRule.Defaults, true, null) : new RuleList(stored.Rules, false, stored.UpdatedAt);
    }

    /// <summary>Replaces the tenant's whole list. The caller has validated it (<see cref="BoundaryRuleValidator"/>).</summary>
    public async Task<RuleList> ReplaceAsync(string tenant, IReadOnlyList<BoundaryRule> rules, CancellationToken cancellationToken)
    {
        var compiled = CompiledRuleSet.Compile(rules, compileRegexes: true); // fails before anything is stored
        var updatedAt = await store.ReplaceAsync(tenant, rules, cancellationToken);
        _cache[tenant] = new CacheEntry(compiled, updatedAt, time.GetUtcNow() + CacheLifetime);
        LogReplaced(logger, tenant, rules.Count);
        return new RuleList(rules, false, updatedAt);
    }

    /// <summary>Forgets the tenant's stored list, so the defaults apply again.</summary>
    public async Task<RuleList> ResetAsync(string tenant, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(tenant, cancellationToken);
        _cache.TryRemove(tenant, out _);
        LogReset(logger, tenant);
        return new RuleList(BoundaryRule.Defaults, true, null);
    }

    /// <summary>Runs rules that are not (yet) stored, e.g. an admin trying a change before saving it.</summary>
    internal static IReadOnlyList<BoundaryWarning> EvaluateUnsaved(IReadOnlyList<BoundaryRule> rules, HelpdeskThread thread) =>
        CompiledRuleSet.Compile(rules).Evaluate(thread);

    internal async Task<CompiledRuleSet> CompiledAsync(string tenant, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(tenant, out var entry) && entry.ExpiresAt > now)
        {
            return entry.Rules;
        }
        RuleList list;
        CompiledRuleSet compiled;
        try
        {
            list = await GetAsync(tenant, cancellationToken);
            // Unchanged since we compiled it (no other instance wrote): keep the compiled set, just re-arm it.
            compiled = list.IsDefault ? Defaults.Value
                : entry is not null && entry.UpdatedAt == list.UpdatedAt ? entry.Rules
                : CompiledRuleSet.Compile(list.Rules, compileRegexes: true);
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
        {
            // Rules edited outside the API: protect with the defaults rather than fail every ticket.
            LogUnreadable(logger, tenant, e);
            list = new RuleList(BoundaryRule.Defaults, true, null);
            compiled = Defaults.Value;
        }
        _cache[tenant] = new CacheEntry(compiled, list.UpdatedAt, now + CacheLifetime);
        return compiled;
    }

    /// <summary><paramref name="UpdatedAt"/> null: the defaults.</summary>
    private sealed record CacheEntry(CompiledRuleSet Rules, DateTimeOffset? UpdatedAt, DateTimeOffset ExpiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Boundary rules of tenant {Tenant} replaced ({Count} rules)")]
    private static partial void LogReplaced(ILogger logger, string tenant, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Boundary rules of tenant {Tenant} reset to the defaults")]
    private static partial void LogReset(ILogger logger, string tenant);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored boundary rules of tenant {Tenant} cannot be used; the defaults apply until they are fixed")]
    private static partial void LogUnreadable(ILogger logger, string tenant, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Boundary rule {RuleId} of tenant {Tenant} timed out on a comment and was skipped for it")]
    private static partial void LogTimeout(ILogger logger, string tenant, string ruleId);
}
