using System.Data.Common;
using System.Globalization;
using Copilot.Api.Feedback;
using Copilot.Api.Store;
using Npgsql;

namespace Copilot.Benchmarks.Analytics;

/// <summary>
/// <see cref="Ingest"/> for any store: the same INSERT statements the sidebar features use, the rollup triggers
/// running inside each, on one connection, <paramref name="batch"/> rows of events per transaction. On PostgreSQL the
/// feedback of a transaction is written as the feedback store writes a batch there (<see cref="PostgresFeedbackBatch"/>:
/// one statement, its outcomes counted once per statement), after the suggestions it answers.
/// </summary>
public sealed class StoreIngest(DbConnection connection, int batch) : IAsyncDisposable
{
    private const string SuggestionSql = """
        INSERT INTO suggestions (id, tenant, ticket_id, kind, agent_id, intent, text, sources, provider, model, prompt_version, latency_ms, created_at, tokens_in, tokens_out, cost_usd)
        VALUES (@id, @tenant, @ticket, @kind, @agent, @intent, @text, @sources, 'openai', 'gpt-4o-mini', 'draft-v3', 850, @at, 1200, 180, @cost)
        """;

    private const string FeedbackSql = """
        INSERT INTO feedback (tenant, event_id, suggestion_id, agent_id, outcome, final_text, edit_distance, edit_ratio, reason, comment, created_at)
        VALUES (@tenant, @event, @suggestion, @agent, @outcome, NULL, @distance, @ratio, @reason, NULL, @at)
        """;

    private DbTransaction? _tx;
    private DbCommand? _suggestion;
    private DbCommand? _feedback;
    private DbCommand? _feedbackBatch;
    private readonly List<FeedbackEvent> _pendingFeedback = [];
    private readonly bool _batchFeedback = connection is NpgsqlConnection;
    private int _rows;

    public async Task AddAsync(SuggestionRow s)
    {
        var c = _suggestion = await CommandAsync(_suggestion, SuggestionSql);
        c.Set("@id", s.Id);
        c.Set("@tenant", Ingest.Tenant);
        c.Set("@ticket", s.TicketId);
        c.Set("@kind", s.Kind);
        c.Set("@agent", s.Agent);
        c.Set("@intent", s.Intent);
        c.Set("@text", "Hi, thanks for reaching out. Here is what we can do.");
        c.Set("@sources", """[{"sourceId":"4400001","kind":"article"}]""");
        c.Set("@at", s.CreatedAt);
        c.Set("@cost", s.Cost);
        await c.ExecuteNonQueryAsync();
        await RowAsync();
    }

    public async Task AddAsync(FeedbackRow f)
    {
        if (_batchFeedback)
        {
            _pendingFeedback.Add(new FeedbackEvent(Ingest.Tenant, f.EventId, f.SuggestionId, f.Agent, f.Outcome, null,
                f.EditRatio is { } ratio ? (int)(ratio * 400) : null, f.EditRatio, f.Reason, null,
                DateTimeOffset.Parse(f.CreatedAt, CultureInfo.InvariantCulture)));
            await RowAsync();
            return;
        }
        var c = _feedback = await CommandAsync(_feedback, FeedbackSql);
        c.Set("@tenant", Ingest.Tenant);
        c.Set("@event", f.EventId);
        c.Set("@suggestion", f.SuggestionId);
        c.Set("@agent", f.Agent);
        c.Set("@outcome", f.Outcome);
        c.Set("@distance", f.EditRatio is { } r ? (int?)(int)(r * 400) : null);
        c.Set("@ratio", f.EditRatio);
        c.Set("@reason", f.Reason);
        c.Set("@at", f.CreatedAt);
        await c.ExecuteNonQueryAsync();
        await RowAsync();
    }

    /// <summary>Commits the open transaction.</summary>
    public async Task FlushAsync()
    {
        if (_pendingFeedback.Count > 0)
        {
            var c = _feedbackBatch = await CommandAsync(_feedbackBatch, PostgresFeedbackBatch.Insert);
            await PostgresFeedbackBatch.InsertAsync(c, _pendingFeedback, CancellationToken.None);
            _pendingFeedback.Clear();
        }
        if (_tx is not null)
        {
            await _tx.CommitAsync();
            await _tx.DisposeAsync();
            _tx = null;
        }
        _rows = 0;
    }

    private async ValueTask<DbCommand> CommandAsync(DbCommand? command, string sql)
    {
        _tx ??= await connection.BeginTransactionAsync();
        command ??= connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _tx;
        return command;
    }

    private async Task RowAsync()
    {
        if (++_rows >= batch)
        {
            await FlushAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync();
        if (_suggestion is not null)
        {
            await _suggestion.DisposeAsync();
        }
        if (_feedback is not null)
        {
            await _feedback.DisposeAsync();
        }
        if (_feedbackBatch is not null)
        {
            await _feedbackBatch.DisposeAsync();
        }
    }
}
