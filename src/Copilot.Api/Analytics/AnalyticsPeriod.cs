using System.Globalization;

namespace Copilot.Api.Analytics;

/// <summary>
/// A period of whole UTC days, <c>[From, To)</c>: <c>from</c> is the first day counted and
/// <c>to</c> the first day NOT counted, so <c>from=2026-11-01&amp;to=2026-12-01</c> is November.
/// Both default: <c>to</c> to tomorrow (today included), <c>from</c> to 30 days before <c>to</c>.
/// </summary>
public sealed record AnalyticsPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;

    /// <summary>
    /// The dates a query may name. Far enough from <see cref="DateOnly.MinValue"/> and
    /// <see cref="DateOnly.MaxValue"/> that the default period and whole weeks around any of them exist.
    /// </summary>
    public static readonly DateOnly MinDay = new(1970, 1, 1), MaxDay = new(9998, 12, 31);

    public int Days => To.DayNumber - From.DayNumber;

    /// <summary>Start of the period as stored timestamps compare (ISO-8601 UTC text).</summary>
    public string FromText => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string ToText => To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static AnalyticsPeriod? Parse(string? from, string? to, int maxDays, DateOnly today, Dictionary<string, string[]> errors)
    {
        DateOnly? toDay = ParseDay(to, "to", errors) ?? (string.IsNullOrEmpty(to) ? today.AddDays(1) : null);
        DateOnly? fromDay = ParseDay(from, "from", errors) ?? (string.IsNullOrEmpty(from) && toDay is { } t ? t.AddDays(-DefaultDays) : null);
        if (fromDay is not { } f || toDay is not { } e)
        {
            return null;
        }
        if (e <= f)
        {
            errors["to"] = [$"'to' ({e:yyyy-MM-dd}) must be after 'from' ({f:yyyy-MM-dd}); 'to' is exclusive."];
            return null;
        }
        if (e.DayNumber - f.DayNumber > maxDays)
        {
            errors["to"] = [$"The period may span at most {maxDays} days; this one spans {e.DayNumber - f.DayNumber}."];
            return null;
        }
        return new AnalyticsPeriod(f, e);
    }

    private static DateOnly? ParseDay(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day >= MinDay && day <= MaxDay)
        {
            return day;
        }
        errors[field] = [$"'{field}' must be an ISO date (yyyy-MM-dd) from {MinDay:yyyy-MM-dd} to {MaxDay:yyyy-MM-dd}, not '{value}'."];
        return null;
    }
}
