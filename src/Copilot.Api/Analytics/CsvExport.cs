using System.Text;
using Copilot.Api.Store;

namespace Copilot.Api.Analytics;

public enum ExportType { Feedback, Suggestions }

/// <summary>
/// Streams feedback events or suggestions of a period as CSV, row by row from the reader.
/// No ticket text is exported, except, with <c>includeText</c>, what the agent wrote in
/// feedback (final text and comment). Suggestion texts are never exported.
/// </summary>
public sealed class CsvExport(Db db)
{
    private const int FlushEveryRows = 256;

    public static IReadOnlyList<string> Columns(ExportType type, bool includeText) => type switch
    {
        ExportType.Feedback => [
            "created_at", "event_id", "suggestion_id", "ticket_id", "kind", "agent_id", "intent", "outcome", "reason",
            "edit_distance", "edit_ratio", "counted", .. includeText ? new[] { "comment", "final_text" } : []],
        _ => [
            "created_at", "suggestion_id", "ticket_id", "kind", "agent_id", "intent", "provider", "model", "prompt_version",
            "latency_ms", "first_token_ms", "tokens_in", "tokens_out", "cost_usd", "source_count", "outcome", "cost_currency",
            "rewrite_action", "triage_intent"],
    };

    public async Task WriteAsync(Stream output, string tenant, AnalyticsPeriod period, ExportType type, bool includeText, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = type == ExportType.Feedback
            ? $"""
              SELECT f.created_at, f.event_id, f.suggestion_id, s.ticket_id, s.kind, f.agent_id, s.intent, f.outcome, f.reason,
                     f.edit_distance, f.edit_ratio, CASE WHEN l.event_id = f.event_id THEN 1 ELSE 0 END
                     {(includeText ? ", f.comment, f.final_text" : "")}
              FROM feedback f
              JOIN suggestions s ON s.id = f.suggestion_id
              LEFT JOIN analytics_latest l ON l.suggestion_id = f.suggestion_id
              WHERE f.tenant = @tenant AND f.created_at >= @from AND f.created_at < @to
              ORDER BY f.created_at, f.event_id
              """
            : $"""
              SELECT s.created_at, s.id, s.ticket_id, s.kind, s.agent_id, s.intent, s.provider, s.model, s.prompt_version,
                     s.latency_ms, s.first_token_ms, s.tokens_in, s.tokens_out, s.cost_usd,
                     {db.Dialect.JsonArrayLength("s.sources")}, l.outcome, s.cost_currency,
                     s.rewrite_action, s.triage_intent
              FROM suggestions s
              LEFT JOIN analytics_latest l ON l.suggestion_id = s.id
              WHERE s.tenant = @tenant AND s.created_at >= @from AND s.created_at < @to
              ORDER BY s.created_at, s.id
              """;
        command.Set("@tenant", tenant);
        command.Set("@from", period.FromText);
        command.Set("@to", period.ToText);

        await using var text = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        var csv = new CsvWriter(text);
        await csv.WriteHeaderAsync(Columns(type, includeText));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await csv.WriteRowAsync(reader);
            if (++rows % FlushEveryRows == 0)
            {
                await text.FlushAsync(cancellationToken);
            }
        }
        await text.FlushAsync(cancellationToken);
    }
}
