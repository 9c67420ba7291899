using Dapper;
using Copilot.Api.Store;

namespace Copilot.Api.Tenants;

/// <summary>
/// Remembers the <c>jti</c> of every accepted token until it expires, in the store, so a
/// token replayed to any instance is refused.
/// </summary>
public sealed class ReplayGuard(Db db, TimeProvider time)
{
    private long _uses;

    /// <returns>false when the token id was already used.</returns>
    public async Task<bool> TryUseAsync(string tenant, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var sweep = Interlocked.Increment(ref _uses) % 1000 == 0;
        return await db.WriteAsync(async connection =>
        {
            if (sweep)
            {
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM token_jti WHERE expires_at < @now", new { now }, cancellationToken: cancellationToken));
            }
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO token_jti (tenant, jti, expires_at) VALUES (@tenant, @jti, @exp) ON CONFLICT DO NOTHING",
                new { tenant, jti, exp = expiresAt.ToUnixTimeSeconds() }, cancellationToken: cancellationToken));
            return inserted == 1;
        }, cancellationToken);
    }
}
