using System.Globalization;

namespace Copilot.Api.Replays;

/// <summary>Where a run's solved tickets come from.</summary>
public static class ReplaySources
{
    /// <summary>The tenant's helpdesk: Zendesk's incremental ticket export, or Freshdesk's ticket list.</summary>
    public const string Helpdesk = "helpdesk";

    /// <summary>A JSON Lines file, one solved ticket a line (<c>docs/replay.md</c>).</summary>
    public const string Jsonl = "jsonl";
}

/// <summary>
/// What to replay: the source, then which of its solved tickets. <see cref="From"/> and <see cref="To"/> bound when the
/// ticket was solved (its last change); <see cref="Intent"/> is the ticket's own intent (its intent field, or the tag that
/// names one of the tenant's intents); <see cref="Group"/> the helpdesk group's id (or, in a JSONL file, its name);
/// <see cref="Count"/> the most tickets, the newest first or, with <see cref="Sample"/>, drawn at random by <see cref="Seed"/>.
/// </summary>
public sealed record ReplayRequest
{
    public string Source { get; init; } = ReplaySources.Helpdesk;
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? Intent { get; init; }
    public string? Group { get; init; }
    public int? Count { get; init; }
    public bool Sample { get; init; }
    public int? Seed { get; init; }

    /// <summary>A name for the run (what changed: "after the new refund articles").</summary>
    public string? Label { get; init; }

    public const int MaxLabel = 200;

    /// <returns>The problems, by field; empty when the request can run.</returns>
    public Dictionary<string, string[]> Validate(ReplayOptions options)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Source is not (ReplaySources.Helpdesk or ReplaySources.Jsonl))
        {
            errors["source"] = [$"source is '{ReplaySources.Helpdesk}' or '{ReplaySources.Jsonl}'."];
        }
        if (From is { } from && To is { } to && from >= to)
        {
            errors["to"] = ["to must be later than from."];
        }
        // The helpdesks count time in Unix seconds: a bound before 1970 names no time they can search.
        if (From < DateTimeOffset.UnixEpoch)
        {
            errors["from"] = ["from is a time since 1970-01-01."];
        }
        if (To <= DateTimeOffset.UnixEpoch)
        {
            errors["to"] = ["to is a time after 1970-01-01."];
        }
        if (Count is { } count && (count < 1 || count > options.MaxTickets))
        {
            errors["count"] = [string.Create(CultureInfo.InvariantCulture, $"count is between 1 and {options.MaxTickets}.")];
        }
        if (Sample && Count is null)
        {
            errors["count"] = ["A random sample needs a count."];
        }
        if (Seed is not null && !Sample)
        {
            errors["seed"] = ["seed is for a random sample (sample: true)."];
        }
        if (Label is { Length: > MaxLabel })
        {
            errors["label"] = [string.Create(CultureInfo.InvariantCulture, $"label holds at most {MaxLabel} characters.")];
        }
        if (Intent is { Length: 0 or > 200 } || Group is { Length: 0 or > 200 })
        {
            errors[Intent is { Length: 0 or > 200 } ? "intent" : "group"] = ["A filter value holds 1 to 200 characters."];
        }
        return errors;
    }
}
