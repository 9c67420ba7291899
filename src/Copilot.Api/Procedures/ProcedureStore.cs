using System.Globalization;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Procedures;

/// <summary>
/// A tenant's procedures and all their versions (table <c>procedures</c>), always within one tenant. A save that changes
/// nothing adds no version; a save while another is written for the same procedure waits its turn (writes are queued;
/// on a PostgreSQL store, which several instances write, under a lock on the procedure). A new version is announced as a
/// change of the tenant's curated knowledge (<see cref="StoreChanges.Curated"/>), so cached assists pick it up.
/// </summary>
public sealed class ProcedureStore(Db db, TimeProvider time, StoreChanges? changes = null)
{
    private const string Columns = "id AS Id, version AS Version, intent AS Intent, title AS Title, steps AS Steps, retired AS Retired, created_at AS CreatedAt";

    /// <summary>The procedures in force: each one's newest version, unless that version retires it.</summary>
    public async Task<IReadOnlyList<Procedure>> CurrentAsync(string tenant, CancellationToken cancellationToken, string? intent = null)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM procedures AS p
            WHERE p.tenant = @tenant AND (@intent IS NULL OR p.intent = @intent) AND p.retired = 0
              AND p.version = (SELECT MAX(q.version) FROM procedures AS q WHERE q.tenant = p.tenant AND q.id = p.id)
            ORDER BY p.id
            """,
            new { tenant, intent }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToProcedure()).ToList();
    }

    /// <summary>Every version of a procedure, oldest first; empty when the tenant has no such procedure.</summary>
    public async Task<IReadOnlyList<Procedure>> VersionsAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM procedures WHERE tenant = @tenant AND id = @id ORDER BY version",
            new { tenant, id }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToProcedure()).ToList();
    }

    /// <summary>Saves a new version unless the one in force already says exactly this; returns the version in force and whether it is new.</summary>
    public Task<(Procedure Procedure, bool Created)> SaveAsync(string tenant, string id, string intent, string title, string steps, CancellationToken cancellationToken) =>
        WriteVersionAsync(tenant, id, latest => latest is { Retired: false } l && l.Intent == intent && l.Title == title && l.Steps == steps
            ? null
            : new Procedure(id, (latest?.Version ?? 0) + 1, intent, title, steps, false, time.GetUtcNow()), cancellationToken);

    /// <summary>Takes a procedure out of use with a version that retires it; null when the tenant has no such procedure in force.</summary>
    public async Task<Procedure?> RetireAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        var retired = false;
        var (procedure, _) = await WriteVersionAsync(tenant, id, latest =>
        {
            retired = latest is { Retired: false };
            return retired ? latest! with { Version = latest.Version + 1, Retired = true, CreatedAt = time.GetUtcNow() } : null;
        }, cancellationToken);
        return retired ? procedure : null;
    }

    private Task<(Procedure Procedure, bool Created)> WriteVersionAsync(
        string tenant, string id, Func<Procedure?, Procedure?> next, CancellationToken cancellationToken) =>
        db.WriteAsync(async connection =>
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            // Instances sharing a PostgreSQL store write a procedure's next version one at a time, as one SQLite instance does.
            await db.Dialect.LockAsync(connection, tx, $"procedures:{tenant}:{id}", cancellationToken);
            var latest = (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM procedures WHERE tenant = @tenant AND id = @id ORDER BY version DESC LIMIT 1",
                new { tenant, id }, tx, cancellationToken: cancellationToken)))?.ToProcedure();
            if (next(latest) is not { } version)
            {
                return (latest!, false);
            }
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO procedures (tenant, id, version, intent, title, steps, retired, created_at)
                VALUES (@tenant, @Id, @Version, @Intent, @Title, @Steps, @Retired, @CreatedAt)
                """,
                new
                {
                    tenant, version.Id, version.Version, version.Intent, version.Title, version.Steps,
                    Retired = version.Retired ? 1 : 0, CreatedAt = version.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                },
                tx, cancellationToken: cancellationToken));
            await StoreChanges.AnnounceAsync(db, connection, tx, StoreChanges.Curated, tenant, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            changes?.Committed(StoreChanges.Curated, tenant);
            return (version, true);
        }, cancellationToken);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public long Version { get; set; }
        public string Intent { get; set; } = "";
        public string Title { get; set; } = "";
        public string Steps { get; set; } = "";
        public long Retired { get; set; }
        public string CreatedAt { get; set; } = "";

        public Procedure ToProcedure() => new(Id, (int)Version, Intent, Title, Steps, Retired != 0,
            DateTimeOffset.Parse(CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }
}
