using Copilot.Api.Store;
using Copilot.Api.Vocabulary;
using Dapper;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Analytics;

/// <summary>
/// How time saved is estimated for a tenant: minutes an agent saves each time a suggestion of a kind is used as is,
/// and the share of those an edited use saves. The configured defaults (<see cref="AnalyticsOptions"/>) apply until
/// an admin sets a kind's minutes for the tenant.
/// </summary>
public sealed record TimeSavedAssumptions(
    IReadOnlyDictionary<SuggestionKind, double> MinutesPerUse,
    double EditedSavingsFactor,
    IReadOnlyList<SuggestionKind> SetByAdmin);

/// <summary>Body of <c>PUT /api/admin/tenants/{tenant}/time-saved</c>: the kinds named replace the tenant's; kinds left out return to the defaults.</summary>
public sealed record TimeSavedRequest(Dictionary<string, double>? MinutesPerUse);

/// <summary>The admin's minutes per kind, per tenant (<c>Migrations/081_time_saved.sql</c>), merged with the defaults.</summary>
public sealed class TimeSavedStore(Db db, IOptionsMonitor<AnalyticsOptions> options, TimeProvider time)
{
    public const double MaxMinutes = 240;

    public async Task<TimeSavedAssumptions> GetAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var set = (await connection.QueryAsync<(string Kind, double Minutes)>(new CommandDefinition(
            "SELECT kind, minutes FROM analytics_time_saved WHERE tenant = @tenant", new { tenant }, cancellationToken: cancellationToken)))
            .Where(r => Wire.TryParse<SuggestionKind>(r.Kind, out _))
            .ToDictionary(r => Wire.Parse<SuggestionKind>(r.Kind), r => r.Minutes);
        var defaults = Defaults();
        var minutes = Wire.All<SuggestionKind>().ToDictionary(k => k, k => set.TryGetValue(k, out var m) ? m : defaults[k]);
        return new TimeSavedAssumptions(minutes, options.CurrentValue.EditedSavingsFactor, [.. set.Keys.Order()]);
    }

    /// <summary>The configured minutes per use of every kind: what a kind the admin has not set assumes.</summary>
    public IReadOnlyDictionary<SuggestionKind, double> Defaults()
    {
        var configured = options.CurrentValue.MinutesSavedPerAccepted;
        return Wire.All<SuggestionKind>().ToDictionary(k => k, k => configured.GetValueOrDefault(Wire.Name(k)));
    }

    /// <returns>field → messages; empty when every kind is known and every value a number of minutes from 0 to <see cref="MaxMinutes"/>.</returns>
    public static Dictionary<string, string[]> Validate(TimeSavedRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.MinutesPerUse is null)
        {
            errors["minutesPerUse"] = [$"Required: minutes saved per use by kind, e.g. {{\"draft\": 4}}; kinds: {string.Join(", ", Wire.AllNames<SuggestionKind>())}."];
            return errors;
        }
        foreach (var (kind, minutes) in request.MinutesPerUse)
        {
            if (!Wire.TryParse<SuggestionKind>(kind, out _))
            {
                errors[$"minutesPerUse.{kind}"] = [$"Unknown kind; one of: {string.Join(", ", Wire.AllNames<SuggestionKind>())}."];
            }
            else if (!double.IsFinite(minutes) || minutes < 0 || minutes > MaxMinutes)
            {
                errors[$"minutesPerUse.{kind}"] = [$"Minutes from 0 to {MaxMinutes}."];
            }
        }
        return errors;
    }

    public async Task ReplaceAsync(string tenant, IReadOnlyDictionary<string, double> minutesPerUse, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime.ToString("O");
        await db.WriteAsync(async connection =>
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM analytics_time_saved WHERE tenant = @tenant", new { tenant }, tx, cancellationToken: cancellationToken));
            foreach (var (kind, minutes) in minutesPerUse)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO analytics_time_saved (tenant, kind, minutes, updated_at) VALUES (@tenant, @kind, @minutes, @now)",
                    new { tenant, kind, minutes, now }, tx, cancellationToken: cancellationToken));
            }
            await tx.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);
    }
}
