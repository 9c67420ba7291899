using System.Globalization;
using System.Text.Json;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Replays.Sources;

/// <summary>
/// Solved tickets from a JSON Lines file, one a line (the format is in <c>docs/replay.md</c>): its id, subject, intent,
/// group, tags, when it was solved, whether it was escalated, the articles the agent used, and its comments in order,
/// each by the customer or an agent. A file with any line that does not read is refused whole, each problem named.
/// </summary>
public static class JsonlTickets
{
    public const int MaxErrors = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The candidates, each holding its line; or the problems found.</returns>
    public static async Task<(List<ReplayCandidate> Candidates, List<string> Errors)> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var candidates = new List<ReplayCandidate>();
        var errors = new List<string>();
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (Parse(line, out var error) is { } ticket)
            {
                candidates.Add(new ReplayCandidate(ticket.Id!, SolvedAt(ticket), ticket.Intent, ticket.Group) { Input = line });
            }
            else if (errors.Count < MaxErrors)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"line {number}: {error}"));
            }
        }
        if (candidates.Count == 0 && errors.Count == 0)
        {
            errors.Add("The file holds no ticket.");
        }
        return (candidates, errors);
    }

    /// <summary>The ticket a line describes, as a thread the copilot reads like a helpdesk's.</summary>
    public static ReplayTicket ToTicket(string line)
    {
        var t = Parse(line, out var error) ?? throw new FormatException(error);
        var comments = t.Comments!;
        var solved = SolvedAt(t);
        var start = comments[0].At ?? solved.AddMinutes(-comments.Count);
        var customer = new HelpdeskUser(1, comments.FirstOrDefault(c => IsCustomer(c))?.Name ?? "Customer", null, AuthorRole.Customer, t.Locale);
        var agents = new Dictionary<string, HelpdeskUser>(StringComparer.Ordinal);
        HelpdeskUser Author(JsonlComment c) => IsCustomer(c) ? customer
            : agents.TryGetValue(c.Name ?? "Agent", out var known) ? known
            : agents[c.Name ?? "Agent"] = new HelpdeskUser(100 + agents.Count, c.Name ?? "Agent", null, AuthorRole.Agent, null);
        var thread = comments.Select((c, i) => new HelpdeskComment(i + 1, Author(c), c.Public ?? true, c.Text!, c.At ?? start.AddMinutes(i))).ToList();
        var id = long.TryParse(t.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric : StableId(t.Id!);
        var ticket = new HelpdeskTicket(id, t.Subject ?? "", "solved", null, customer, null, t.Tags ?? [], thread[0].CreatedAt, solved);
        return new ReplayTicket(t.Id!, new HelpdeskThread(ticket, thread))
        {
            Intent = t.Intent,
            Group = t.Group,
            Escalated = t.Escalated,
            UsedArticles = t.UsedArticles,
        };
    }

    private static JsonlTicket? Parse(string line, out string? error)
    {
        JsonlTicket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<JsonlTicket>(line, Json);
        }
        catch (JsonException e)
        {
            error = "not a JSON object of a ticket (" + (e.Message.Split('.')[0]) + ").";
            return null;
        }
        error = ticket switch
        {
            null => "not a JSON object.",
            { Id: null or { Length: 0 } } => "id is required.",
            { Id.Length: > 100 } => "id holds at most 100 characters.",
            { Comments: null or { Count: 0 } } => "comments are required (the customer's messages and the agent's replies, in order).",
            _ when ticket.Comments.Any(c => string.IsNullOrWhiteSpace(c.Text)) => "every comment needs a text.",
            _ when ticket.Comments.Any(c => c.Author is not ("customer" or "agent")) => "a comment's author is 'customer' or 'agent'.",
            _ => null,
        };
        return error is null ? ticket : null;
    }

    private static bool IsCustomer(JsonlComment c) => c.Author == "customer";

    private static DateTimeOffset SolvedAt(JsonlTicket t) =>
        t.SolvedAt ?? t.Comments!.Select(c => c.At).LastOrDefault(a => a is not null) ?? DateTimeOffset.UnixEpoch;

    /// <summary>A ticket id that is not a number still needs one: the same text gives the same number.</summary>
    private static long StableId(string id) =>
        (long)(BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), 0) >> 12);

    private sealed record JsonlTicket(
        string? Id, string? Subject, string? Intent, string? Group, List<string>? Tags, DateTimeOffset? SolvedAt, bool? Escalated,
        List<string>? UsedArticles, List<JsonlComment>? Comments, string? Locale);

    private sealed record JsonlComment(string? Author, string? Name, string? Text, bool? Public, DateTimeOffset? At);
}
