using Microsoft.Data.Sqlite;

namespace Copilot.Benchmarks.Analytics;

/// <summary>
/// Inserts suggestions and feedback with the same INSERT statements the sidebar features use
/// (001_core.sql columns plus the cost columns); the rollup triggers run inside each insert.
/// Commands are prepared once and reused, as a real ingest would.
/// </summary>
public sealed class Ingest : IDisposable
{
    public const string Tenant = "bench";
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _suggestion;
    private readonly SqliteCommand _feedback;

    public Ingest(SqliteConnection connection)
    {
        _connection = connection;
        _suggestion = Command("""
            INSERT INTO suggestions (id, tenant, ticket_id, kind, agent_id, intent, text, sources, provider, model, prompt_version, latency_ms, created_at, tokens_in, tokens_out, cost_usd)
            VALUES ($id, $tenant, $ticket, $kind, $agent, $intent, $text, $sources, 'openai', 'gpt-4o-mini', 'draft-v3', 850, $at, 1200, 180, $cost)
            """, "$id", "$tenant", "$ticket", "$kind", "$agent", "$intent", "$text", "$sources", "$at", "$cost");
        _feedback = Command("""
            INSERT INTO feedback (tenant, event_id, suggestion_id, agent_id, outcome, final_text, edit_distance, edit_ratio, reason, comment, created_at)
            VALUES ($tenant, $event, $suggestion, $agent, $outcome, NULL, $distance, $ratio, $reason, NULL, $at)
            """, "$tenant", "$event", "$suggestion", "$agent", "$outcome", "$distance", "$ratio", "$reason", "$at");
    }

    private SqliteCommand Command(string sql, params string[] names)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    public SqliteTransaction? Transaction
    {
        set
        {
            _suggestion.Transaction = value;
            _feedback.Transaction = value;
        }
    }

    public void Add(SuggestionRow s)
    {
        var p = _suggestion.Parameters;
        p["$id"].Value = s.Id;
        p["$tenant"].Value = Tenant;
        p["$ticket"].Value = s.TicketId;
        p["$kind"].Value = s.Kind;
        p["$agent"].Value = s.Agent;
        p["$intent"].Value = s.Intent;
        p["$text"].Value = "Hi, thanks for reaching out. Here is what we can do.";
        p["$sources"].Value = """[{"sourceId":"4400001","kind":"article"}]""";
        p["$at"].Value = s.CreatedAt;
        p["$cost"].Value = (object?)s.Cost ?? DBNull.Value;
        _suggestion.ExecuteNonQuery();
    }

    public void Add(FeedbackRow f)
    {
        var p = _feedback.Parameters;
        p["$tenant"].Value = Tenant;
        p["$event"].Value = f.EventId;
        p["$suggestion"].Value = f.SuggestionId;
        p["$agent"].Value = f.Agent;
        p["$outcome"].Value = f.Outcome;
        p["$distance"].Value = f.EditRatio is { } r ? (int)(r * 400) : DBNull.Value;
        p["$ratio"].Value = (object?)f.EditRatio ?? DBNull.Value;
        p["$reason"].Value = (object?)f.Reason ?? DBNull.Value;
        p["$at"].Value = f.CreatedAt;
        _feedback.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _suggestion.Dispose();
        _feedback.Dispose();
    }
}
