using System.Text.Json;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Evaluation;

/// <summary>A TweetSumm dialogue as a helpdesk thread, with its human abstractive summaries.</summary>
public sealed record SummaryCase(string Id, HelpdeskThread Thread, IReadOnlyList<string> References);

/// <summary>
/// TweetSumm (guyfe/Tweetsumm, validation split): real Twitter customer-care dialogues. Each
/// becomes an open ticket with no subject whose comments are the turns, public, a few minutes
/// apart, from one customer and one agent — what the product would read from the helpdesk.
/// </summary>
public static class TweetSumm
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<SummaryCase> Load(string shared)
    {
        var customer = new HelpdeskUser(1, "Customer", null, AuthorRole.Customer, null);
        var agent = new HelpdeskUser(2, "Support", null, AuthorRole.Agent, null);
        var cases = new List<SummaryCase>();
        var ticketId = 1L;
        foreach (var line in File.ReadLines(Path.Combine(shared, "datasets", "tweetsumm-valid", "dialogues.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var e = JsonDocument.Parse(line).RootElement;
            var comments = e.GetProperty("turns").EnumerateArray().Select((t, i) => new HelpdeskComment(
                ticketId * 100 + i,
                t.GetProperty("speaker").GetString() == "agent" ? agent : customer,
                true,
                t.GetProperty("text").GetString() ?? "",
                Start.AddMinutes(10 * i))).ToList();
            var ticket = new HelpdeskTicket(ticketId, "", "open", null, customer, agent.Id, [], Start, comments[^1].CreatedAt);
            var references = e.GetProperty("summaries").EnumerateArray().Select(s => s.GetString() ?? "").ToList();
            cases.Add(new SummaryCase(e.GetProperty("id").GetString()!, new HelpdeskThread(ticket, comments), references));
            ticketId++;
        }
        return cases;
    }
}
