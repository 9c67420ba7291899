using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Knowledge;

/// <summary>Where a tenant's knowledge sync stands, as the store (shared by every instance) has it.</summary>
public sealed record SyncState(
    string Tenant,
    DateTimeOffset? LastIncrementalStart,
    DateTimeOffset? LastFullSync,
    DateTimeOffset? LastSync,
    DateTimeOffset? LastAttempt,
    int Articles,
    int Macros,
    int PastReplies,
    int Removed,
    string? LastError,
    DateTimeOffset? LastErrorAt);

/// <summary>Reads and writes <c>knowledge_sync_state</c>, including the lease that lets one instance at a time sync a tenant.</summary>
public sealed class SyncStateStore(Db db, TimeProvider time)
{
    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<SyncState?> GetAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT tenant AS Tenant, last_incremental_start AS LastIncrementalStart, last_full_sync AS LastFullSync, last_sync AS LastSync,
                   last_attempt AS LastAttempt, articles AS Articles, macros AS Macros, past_replies AS PastReplies, removed AS Removed,
                   last_error AS LastError, last_error_at AS LastErrorAt
            FROM knowledge_sync_state WHERE tenant = @tenant
            """, new { tenant }, cancellationToken: cancellationToken));
        return row?.ToState();
    }

    public async Task RecordSuccessAsync(string tenant, SyncResult result, DateTimeOffset nextIncrementalStart, CancellationToken cancellationToken)
    {
        var now = Stamp(time.GetUtcNow());
        await using var connection = await db.OpenAsync(cancellationToken);
        await EnsureRowAsync(connection, tenant, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE knowledge_sync_state SET last_incremental_start = @next, last_sync = @now, last_attempt = @now,
                last_full_sync = CASE WHEN @full THEN @now ELSE last_full_sync END,
                articles = @articles, macros = @macros, past_replies = @pastReplies, removed = @removed, last_error = NULL
            WHERE tenant = @tenant
            """,
            new { tenant, next = Stamp(nextIncrementalStart), now, full = result.Full, articles = result.Articles, macros = result.Macros, pastReplies = result.PastReplies, removed = result.Removed },
            cancellationToken: cancellationToken));
    }

    public async Task RecordFailureAsync(string tenant, string error, CancellationToken cancellationToken)
    {
        var now = Stamp(time.GetUtcNow());
        await using var connection = await db.OpenAsync(cancellationToken);
        await EnsureRowAsync(connection, tenant, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE knowledge_sync_state SET last_attempt = @now, last_error = @error, last_error_at = @now WHERE tenant = @tenant",
            new { tenant, now, error }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Takes the tenant's sync lease when the tenant is due (its last attempt is older than
    /// <paramref name="interval"/>) and no other instance holds an unexpired lease.
    /// </summary>
    public async Task<bool> TryLeaseIfDueAsync(string tenant, TimeSpan interval, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await EnsureRowAsync(connection, tenant, cancellationToken);
        var taken = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE knowledge_sync_state SET lease_owner = @owner, lease_until = @until
            WHERE tenant = @tenant AND (lease_until IS NULL OR lease_until < @now) AND (last_attempt IS NULL OR last_attempt <= @dueBefore)
            """,
            new { tenant, owner = Instance, until = Stamp(now + leaseFor), now = Stamp(now), dueBefore = Stamp(now - interval) },
            cancellationToken: cancellationToken));
        return taken == 1;
    }

    public async Task ReleaseAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE knowledge_sync_state SET lease_owner = NULL, lease_until = NULL WHERE tenant = @tenant AND lease_owner = @owner",
            new { tenant, owner = Instance }, cancellationToken: cancellationToken));
    }

    private static Task EnsureRowAsync(System.Data.Common.DbConnection connection, string tenant, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO knowledge_sync_state (tenant) VALUES (@tenant) ON CONFLICT DO NOTHING", new { tenant }, cancellationToken: cancellationToken));

    // Fixed-width UTC timestamps compare correctly as text.
    private static string Stamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public string Tenant { get; set; } = "";
        public string? LastIncrementalStart { get; set; }
        public string? LastFullSync { get; set; }
        public string? LastSync { get; set; }
        public string? LastAttempt { get; set; }
        public long Articles { get; set; }
        public long Macros { get; set; }
        public long PastReplies { get; set; }
        public long Removed { get; set; }
        public string? LastError { get; set; }
        public string? LastErrorAt { get; set; }

        public SyncState ToState() => new(Tenant, Parse(LastIncrementalStart), Parse(LastFullSync), Parse(LastSync), Parse(LastAttempt),
            (int)Articles, (int)Macros, (int)PastReplies, (int)Removed, LastError, Parse(LastErrorAt));

        private static DateTimeOffset? Parse(string? value) =>
            value is null ? null : DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);
    }
}
