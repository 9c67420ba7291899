using System.Globalization;
using System.Text.Json;
using Copilot.Api.Store;
using Copilot.Api.Suggestions;
using Copilot.Api.Telemetry;
using Copilot.Api.Vocabulary;
using Dapper;

namespace Copilot.Api.Actions;

/// <summary>One action as stored: the proposal, its suggestion once shown, its decision and what it did.</summary>
public sealed record StoredAction(ProposedAction Proposal, ActionState State, string? SuggestionId, ActionResult? Result);

/// <summary>
/// The <c>actions</c> table, always within one tenant. A proposal is kept once per id (worked out again, it stays as it
/// is, decision and all); its display is recorded once per agent, in the transaction that writes its suggestion; a decision is
/// taken by moving it out of <c>proposed</c>, so of two approvals only one writes to the helpdesk.
/// </summary>
public sealed class ActionStore(Db db, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(Wire.Naming, allowIntegerValues: false) },
    };

    /// <summary>Keeps the proposals not stored yet; returns every one as stored now.</summary>
    public Task<IReadOnlyList<StoredAction>> ProposeAsync(string tenant, IReadOnlyList<ProposedAction> proposals, CancellationToken cancellationToken) =>
        proposals.Count == 0 ? Task.FromResult<IReadOnlyList<StoredAction>>([]) : db.WriteAsync<IReadOnlyList<StoredAction>>(async connection =>
        {
            var now = Time(time.GetUtcNow());
            foreach (var p in proposals)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO actions (tenant, id, ticket_id, kind, source, procedure_id, procedure_version, proposal, state, created_at)
                    VALUES (@tenant, @Id, @TicketId, @Kind, @Source, @ProcedureId, @ProcedureVersion, @Proposal, 'proposed', @now)
                    ON CONFLICT (tenant, id) DO NOTHING
                    """,
                    new { tenant, p.Id, p.TicketId, Kind = Wire.Name(p.Kind), Source = Wire.Name(p.Source), p.ProcedureId, p.ProcedureVersion,
                        Proposal = JsonSerializer.Serialize(p, Json), now }, cancellationToken: cancellationToken));
            }
            var stored = await FindManyAsync(connection, tenant, proposals.Select(p => p.Id).ToList(), cancellationToken);
            return proposals.Select(p => stored[p.Id]).ToList();
        }, cancellationToken);

    /// <summary>The ticket's actions already decided or under way (they may no longer be proposed: an approved priority is now the ticket's), and those the model asked for while answering a question.</summary>
    public async Task<IReadOnlyList<StoredAction>> DecidedAsync(string tenant, long ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM actions WHERE tenant = @tenant AND ticket_id = @ticketId AND (state <> 'proposed' OR source = 'ask') ORDER BY created_at, id",
            new { tenant, ticketId }, cancellationToken: cancellationToken))).ToList();
        var found = await FindManyAsync(connection, tenant, ids, cancellationToken);
        return ids.Select(id => found[id]).ToList();
    }

    /// <returns>null when the tenant has no such action on that ticket.</returns>
    public async Task<StoredAction?> FindAsync(string tenant, long ticketId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var found = await FindManyAsync(connection, tenant, [id], cancellationToken);
        return found.TryGetValue(id, out var action) && action.Proposal.TicketId == ticketId ? action : null;
    }

    /// <summary>
    /// Records the display of an action to an agent, once per action and agent (table <c>action_shown</c>), as a suggestion of
    /// kind <c>action</c> (its description as text, its procedure as source), in the transaction that links the two; an
    /// action shown to the agent before keeps its suggestion. The action's own <c>suggestion_id</c> names its first display.
    /// </summary>
    public async Task<string> ShownAsync(string tenant, StoredAction action, string? agentId, string? intent, CancellationToken cancellationToken)
    {
        var p = action.Proposal;
        var key = new { tenant, action = p.Id, agent = agentId ?? "" };
        const string Known = "SELECT suggestion_id FROM action_shown WHERE tenant = @tenant AND action_id = @action AND agent_id = @agent";
        await using (var reader = await db.OpenAsync(cancellationToken))
        {
            if (await reader.ExecuteScalarAsync<string?>(new CommandDefinition(Known, key, cancellationToken: cancellationToken)) is { } known)
            {
                return known;
            }
        }
        return await db.WriteAsync(async connection =>
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var suggestion = new Suggestion
            {
                Tenant = tenant, TicketId = p.TicketId, Kind = SuggestionKinds.Action, AgentId = agentId, Intent = intent, Text = p.Description,
                Sources = p.ProcedureId is { } procedure ? [new SourceRef("procedure", $"{procedure}@v{p.ProcedureVersion}", p.Step ?? procedure, null, 1)] : [],
                Origin = SuggestionOrigin.Offline(ActionProposer.Version, 0), CreatedAt = time.GetUtcNow(),
            };
            var linked = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO action_shown (tenant, action_id, agent_id, suggestion_id) VALUES (@tenant, @action, @agent, @Id)
                ON CONFLICT (tenant, action_id, agent_id) DO NOTHING
                """,
                new { key.tenant, key.action, key.agent, suggestion.Id }, tx, cancellationToken: cancellationToken));
            if (linked == 1)
            {
                await SuggestionStore.InsertAsync(connection, tx, suggestion, cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE actions SET suggestion_id = @Id WHERE tenant = @tenant AND id = @action AND suggestion_id IS NULL",
                    new { suggestion.Id, tenant, action = p.Id }, tx, cancellationToken: cancellationToken));
            }
            var id = await connection.QuerySingleAsync<string>(new CommandDefinition(Known, key, tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
            if (linked == 1)
            {
                CopilotTelemetry.SuggestionShown(tenant, SuggestionKinds.Action);
            }
            return id;
        }, cancellationToken);
    }

    /// <summary>Moves the action from <paramref name="from"/> to <paramref name="to"/>; false when it was not in <paramref name="from"/>.</summary>
    /// <param name="decidedOn">The suggestion a decision is feedback on (the deciding agent's display of the action); null keeps the one named.</param>
    public Task<bool> MoveAsync(
        string tenant, string id, ActionState from, ActionState to, string? agentId, ActionResult? result, CancellationToken cancellationToken, string? decidedOn = null) =>
        db.WriteAsync(async connection => await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE actions SET state = @to, result = coalesce(@result, result), suggestion_id = coalesce(@decidedOn, suggestion_id),
                decided_by = CASE WHEN @decided = 1 THEN @agentId ELSE decided_by END,
                decided_at = CASE WHEN @decided = 1 THEN @now ELSE decided_at END
            WHERE tenant = @tenant AND id = @id AND state = @from
            """,
            new
            {
                to = Wire.Name(to), from = Wire.Name(from), tenant, id, agentId, decidedOn, now = Time(time.GetUtcNow()),
                result = result is null ? null : JsonSerializer.Serialize(result, Json),
                decided = to is ActionState.Approved or ActionState.Declined ? 1 : 0,
            }, cancellationToken: cancellationToken)) == 1, cancellationToken);

    private static async Task<Dictionary<string, StoredAction>> FindManyAsync(System.Data.Common.DbConnection connection, string tenant, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredAction>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct())
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                "SELECT proposal AS Proposal, state AS State, suggestion_id AS SuggestionId, result AS Result FROM actions WHERE tenant = @tenant AND id = @id",
                new { tenant, id }, cancellationToken: cancellationToken));
            if (row is not null)
            {
                found[id] = new StoredAction(JsonSerializer.Deserialize<ProposedAction>(row.Proposal, Json)!, Wire.Parse<ActionState>(row.State), row.SuggestionId,
                    row.Result is null ? null : JsonSerializer.Deserialize<ActionResult>(row.Result, Json));
            }
        }
        return found;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public string Proposal { get; set; } = "";
        public string State { get; set; } = "";
        public string? SuggestionId { get; set; }
        public string? Result { get; set; }
    }
}
