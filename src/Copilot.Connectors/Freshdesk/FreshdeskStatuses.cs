using System.Globalization;

namespace Copilot.Connectors.Freshdesk;

/// <summary>
/// Freshdesk's ticket statuses in the copilot's words, for the connector and for the webhooks alike: 2 open,
/// 3 pending, 4 resolved (the copilot's "solved"), 5 closed; the account's own statuses (6 and above, "waiting on …")
/// are pending.
/// </summary>
public static class FreshdeskStatuses
{
    public const int Open = 2;
    public const int Pending = 3;
    public const int Resolved = 4;
    public const int Closed = 5;

    /// <summary>The default statuses' names as Freshdesk shows them, for text that names a status instead of numbering it.</summary>
    private static readonly Dictionary<string, int> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["open"] = Open,
        ["pending"] = Pending,
        ["resolved"] = Resolved,
        ["closed"] = Closed,
    };

    public static string Term(int? status) => status switch
    {
        Open => "open",
        Pending => "pending",
        Resolved => "solved",
        Closed => "closed",
        >= 6 => "pending",
        _ => "open",
    };

    /// <summary>The code Freshdesk writes for one of the copilot's status words ("solved" is Resolved); null for any other word.</summary>
    public static int? Code(string term) => term.ToLowerInvariant() switch
    {
        "solved" => Resolved,
        var t when Names.TryGetValue(t, out var code) => code,
        _ => null,
    };

    public static bool IsSolved(int? status) => status is Resolved or Closed;

    /// <summary>
    /// A status as text: its number (<c>4</c>) or a default status's name (<c>Resolved</c>). Any other name is one of the
    /// account's own statuses, which are never solved; null for empty text.
    /// </summary>
    public static string? TermOf(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Term(number);
        }
        return Names.TryGetValue(value, out var named) ? Term(named) : "pending";
    }
}
