using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Copilot.Api.Analytics;

/// <summary>
/// Writes RFC 4180 CSV: a field holding a comma, quote, CR or LF is quoted and its quotes
/// doubled; lines end with CRLF. Text that a spreadsheet would run as a formula (leading
/// <c>= + - @</c>, tab or CR) gets a leading apostrophe. Rows are written as they are read.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    public Task WriteHeaderAsync(IReadOnlyList<string> names)
    {
        var line = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }
            line.Append(Escape(names[i]));
        }
        line.Append("\r\n");
        return writer.WriteAsync(line.ToString());
    }

    public Task WriteRowAsync(DbDataReader reader)
    {
        var line = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }
            if (reader.IsDBNull(i))
            {
                continue;
            }
            line.Append(reader.GetValue(i) switch
            {
                string s => Escape(Defuse(s)),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => Escape(Defuse(other.ToString() ?? "")),
            });
        }
        line.Append("\r\n");
        return writer.WriteAsync(line.ToString());
    }

    public static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Defuse(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
