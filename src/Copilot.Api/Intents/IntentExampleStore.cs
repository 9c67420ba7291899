using System.Globalization;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Intents;

/// <summary>A solved ticket's text labelled with the intent its tags name.</summary>
public sealed record TicketExample(long TicketId, string Intent, string Text);

/// <summary>Reads and replaces <c>intent_examples</c>; its fingerprint tells an instance when its trained model is stale.</summary>
public sealed class IntentExampleStore(Db db, TimeProvider time)
{
    public async Task<IReadOnlyList<TicketExample>> GetAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<TicketExample>(new CommandDefinition(
            "SELECT ticket_id AS TicketId, intent AS Intent, text AS Text FROM intent_examples WHERE tenant = @tenant ORDER BY ticket_id",
            new { tenant }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Changes only when an example is added, removed or relabelled.</summary>
    public async Task<string> FingerprintAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var (count, ids, changed) = await connection.QuerySingleAsync<(long, double, string?)>(new CommandDefinition(
            "SELECT count(*), CAST(coalesce(sum(ticket_id), 0) AS DOUBLE PRECISION), max(changed_at) FROM intent_examples WHERE tenant = @tenant",
            new { tenant }, cancellationToken: cancellationToken));
        return string.Create(CultureInfo.InvariantCulture, $"{count}:{ids}:{changed}");
    }

    /// <summary>The tenant's examples become exactly <paramref name="examples"/>; unchanged rows are left alone.</summary>
    public Task ReplaceAsync(string tenant, IReadOnlyList<TicketExample> examples, CancellationToken cancellationToken) =>
        db.WriteAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO intent_examples (tenant, ticket_id, intent, text, changed_at) VALUES (@tenant, @TicketId, @Intent, @Text, @now)
                ON CONFLICT (tenant, ticket_id) DO UPDATE SET intent = excluded.intent, text = excluded.text, changed_at = excluded.changed_at
                WHERE intent_examples.intent <> excluded.intent OR intent_examples.text <> excluded.text
                """,
                examples.Select(e => new { tenant, e.TicketId, e.Intent, e.Text, now }), transaction, cancellationToken: cancellationToken));
            var keep = examples.Select(e => e.TicketId).ToHashSet();
            var stored = await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT ticket_id FROM intent_examples WHERE tenant = @tenant", new { tenant }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM intent_examples WHERE tenant = @tenant AND ticket_id = @id",
                stored.Where(id => !keep.Contains(id)).Select(id => new { tenant, id }), transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);
}
