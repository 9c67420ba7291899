using System.Text.Json;
using Copilot.Api.Store;
using Copilot.Api.Telemetry;
using Dapper;

namespace Copilot.Api.Suggestions;

/// <summary>Records suggestions and finds them again, always within one tenant.</summary>
public sealed class SuggestionStore(Db db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Writes all suggestions, with their model audit when a model wrote them, in one
    /// transaction: either every one is recorded or none. An item of an assist already recorded for
    /// the same assist, agent and kind is not written again.
    /// </summary>
    /// <returns>Per suggestion, in order, the id it is recorded under (the earlier one's for a repeat), and whether it was new.</returns>
    public async Task<IReadOnlyList<(string Id, bool New)>> AddAsync(IReadOnlyList<Suggestion> suggestions, CancellationToken cancellationToken) =>
        suggestions.Count == 0 ? [] : (await WriteAsync(suggestions, assist: null, cancellationToken)).Recorded;

    /// <summary>
    /// Writes the displayed items of one computed assist as <see cref="AddAsync"/> does, and tells in the same
    /// transaction whether they are the first of that assist to be recorded (for any agent), so that two displays
    /// reported at once cannot both count as the first.
    /// </summary>
    public async Task<(IReadOnlyList<(string Id, bool New)> Recorded, bool FirstDisplay)> AddAssistItemsAsync(
        string tenant, string assistId, IReadOnlyList<Suggestion> items, CancellationToken cancellationToken)
    {
        if (items.Any(s => s.Tenant != tenant || s.AssistId != assistId))
        {
            throw new ArgumentException("Every item must belong to the tenant's assist.", nameof(items));
        }
        return items.Count == 0 ? ([], false) : await WriteAsync(items, (tenant, assistId), cancellationToken);
    }

    private Task<(IReadOnlyList<(string Id, bool New)> Recorded, bool FirstDisplay)> WriteAsync(
        IReadOnlyList<Suggestion> suggestions, (string Tenant, string AssistId)? assist, CancellationToken cancellationToken) =>
        // Its rollup triggers may meet another instance's feedback in a deadlock on PostgreSQL: then it is run again.
        db.WriteTransactionAsync(async connection =>
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var first = assist is { } a && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT NOT EXISTS (SELECT 1 FROM suggestions WHERE tenant = @Tenant AND assist_id = @AssistId)",
                new { a.Tenant, a.AssistId }, tx, cancellationToken: cancellationToken));
            var recorded = new List<(string Id, bool New)>(suggestions.Count);
            foreach (var s in suggestions)
            {
                recorded.Add(await InsertAsync(connection, tx, s, cancellationToken));
            }
            await tx.CommitAsync(cancellationToken);
            foreach (var (s, r) in suggestions.Zip(recorded).Where(p => p.Second.New))
            {
                CopilotTelemetry.SuggestionShown(s.Tenant, s.Kind);
            }
            return ((IReadOnlyList<(string, bool)>)recorded, first);
        }, cancellationToken, caller: assist is null ? nameof(AddAsync) : nameof(AddAssistItemsAsync));

    internal static async Task<(string Id, bool New)> InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, Suggestion s, CancellationToken cancellationToken)
    {
        var (o, a) = (s.Origin, s.Origin.Audit);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO suggestions (id, tenant, ticket_id, kind, agent_id, intent, text, sources, provider, model, prompt_version, latency_ms, created_at,
                                     tokens_in, tokens_out, cost_usd, cost_currency, first_token_ms, total_ms, flags, rewrite_action, triage_intent, assist_id,
                                     procedure_id, procedure_version)
            VALUES (@Id, @Tenant, @TicketId, @Kind, @AgentId, @Intent, @Text, @Sources, @Provider, @Model, @PromptVersion, @LatencyMs, @CreatedAt,
                    @TokensIn, @TokensOut, @Cost, @Currency, @FirstTokenMs, @TotalMs, @Flags, @RewriteAction, @TriageIntent, @AssistId,
                    @ProcedureId, @ProcedureVersion)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                s.Id, s.Tenant, s.TicketId, s.Kind, s.AgentId, s.Intent, s.Text,
                Sources = JsonSerializer.Serialize(s.Sources, Json),
                o.Provider, o.Model, o.PromptVersion, o.LatencyMs,
                CreatedAt = s.CreatedAt.UtcDateTime.ToString("O"),
                a?.TokensIn, a?.TokensOut, Cost = (double?)a?.Cost, a?.Currency, a?.FirstTokenMs, a?.TotalMs,
                Flags = a is null ? null : JsonSerializer.Serialize(a.Flags, Json),
                s.RewriteAction, s.TriageIntent, s.AssistId, s.ProcedureId, s.ProcedureVersion,
            },
            tx, cancellationToken: cancellationToken)) == 1;
        return inserted ? (s.Id, true) : (await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT id FROM suggestions WHERE tenant = @Tenant AND assist_id = @AssistId AND kind = @Kind AND coalesce(agent_id, '') = coalesce(@AgentId, '')",
            new { s.Tenant, s.AssistId, s.Kind, s.AgentId }, tx, cancellationToken: cancellationToken)), false);
    }

    /// <returns>What was suggested; null when the tenant has no suggestion with that id.</returns>
    public async Task<string?> FindTextAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT text FROM suggestions WHERE tenant = @tenant AND id = @id", new { tenant, id }, cancellationToken: cancellationToken));
    }
}
