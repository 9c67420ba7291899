using System.Globalization;

namespace Copilot.Api.Vocabulary;

/// <summary>
/// The periods analytics counts in: UTC days and ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first
/// Thursday), labelled <c>2026-W47</c>. The rollups key a week by its Monday (<see cref="SqlMonday"/>), the API by
/// its label; the dashboard never computes weeks itself.
/// </summary>
public static class IsoWeek
{
    public const string Pattern = "^[0-9]{4}-W[0-9]{2}$";

    /// <summary>The Monday starting the ISO week that holds <paramref name="day"/>.</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>2026-11-16 → 2026-W47.</summary>
    public static string Label(DateOnly day)
    {
        var d = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(d)}-W{ISOWeek.GetWeekOfYear(d):00}";
    }

    /// <summary>SQL expression (SQLite and PostgreSQL) for the UTC day (yyyy-MM-dd) of a stored timestamp (ISO 8601, UTC, as text).</summary>
    public static string SqlDay(string timestamp) => $"substr({timestamp}, 1, 10)";

    /// <summary>SQL expression for the Monday (yyyy-MM-dd) of the week holding <paramref name="day"/>, a yyyy-MM-dd text expression.</summary>
    public static string SqlMonday(string day, Store.StoreProvider provider = Store.StoreProvider.Sqlite) => provider == Store.StoreProvider.Postgres
        ? $"to_char(CAST({day} AS date) - (CAST(extract(isodow FROM CAST({day} AS date)) AS integer) - 1), 'YYYY-MM-DD')"
        : $"date({day}, '-' || ((CAST(strftime('%w', {day}) AS INTEGER) + 6) % 7) || ' days')";
}
