using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Boundaries;

/// <summary>A tenant's stored rule list (table <c>boundary_rules</c>), or null when the tenant uses the defaults.</summary>
public sealed class BoundaryRuleStore(Db db, TimeProvider time)
{
    public sealed record Stored(IReadOnlyList<BoundaryRule> Rules, DateTimeOffset UpdatedAt);

    public async Task<Stored?> GetAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT rules AS Rules, updated_at AS UpdatedAt FROM boundary_rules WHERE tenant = @tenant",
            new { tenant }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new Stored(BoundaryRule.ParseList(row.Rules), DateTimeOffset.Parse(row.UpdatedAt, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<DateTimeOffset> ReplaceAsync(string tenant, IReadOnlyList<BoundaryRule> rules, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO boundary_rules (tenant, rules, updated_at) VALUES (@tenant, @rules, @now)
            ON CONFLICT (tenant) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at
            """,
            new { tenant, rules = BoundaryRule.ToJson(rules), now = now.ToString("O") }, cancellationToken: cancellationToken));
        return now;
    }

    public async Task<bool> DeleteAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM boundary_rules WHERE tenant = @tenant", new { tenant }, cancellationToken: cancellationToken)) > 0;
    }

    private sealed class Row
    {
        public string Rules { get; set; } = "";
        public string UpdatedAt { get; set; } = "";
    }
}
