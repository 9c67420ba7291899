using System.Text;
using Copilot.Api.Store;

namespace Copilot.Api.Analytics.Rollups;

/// <summary>
/// Writes one row trigger for a store, dropping the one of that name first: SQLite's statements go straight into
/// the trigger; PostgreSQL's into a trigger function of the same name that the trigger runs.
/// </summary>
internal sealed class TriggerWriter(StoreProvider provider)
{
    /// <summary>
    /// A condition the trigger runs under that reads other rows: SQLite tests it in the trigger's WHEN clause;
    /// PostgreSQL (whose WHEN clause reads only the row) in the function, after its <see cref="Lock"/> statement.
    /// </summary>
    public sealed record Guard(string Condition, string Lock);

    /// <param name="on">When it fires: <c>AFTER INSERT ON suggestions</c>.</param>
    /// <param name="when">A condition on NEW and OLD alone.</param>
    public void Write(StringBuilder sql, string name, string on, string? when, Guard? guard, string body)
    {
        var table = on[(on.LastIndexOf(' ') + 1)..];
        if (provider == StoreProvider.Postgres)
        {
            sql.AppendLine($"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$");
            sql.AppendLine("BEGIN");
            if (guard is not null)
            {
                sql.AppendLine($"    {guard.Lock}");
                sql.AppendLine($"    IF NOT ({guard.Condition}) THEN RETURN NULL; END IF;");
            }
            sql.AppendLine(body);
            sql.AppendLine("    RETURN NULL;");
            sql.AppendLine("END");
            sql.AppendLine("$$;");
            sql.AppendLine($"DROP TRIGGER IF EXISTS {name} ON {table};");
            sql.AppendLine($"CREATE TRIGGER {name} {on} FOR EACH ROW{(when is null ? "" : $" WHEN ({when})")} EXECUTE FUNCTION {name}();");
        }
        else
        {
            var condition = string.Join(" AND ", new[] { when, guard?.Condition }.Where(c => c is not null));
            sql.AppendLine($"DROP TRIGGER IF EXISTS {name};");
            sql.AppendLine($"CREATE TRIGGER {name} {on}{(condition.Length == 0 ? "" : $"\nWHEN {condition}")}");
            sql.AppendLine("BEGIN");
            sql.AppendLine(body);
            sql.AppendLine("END;");
        }
        sql.AppendLine();
    }
}
