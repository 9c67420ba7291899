using System.Globalization;
using System.Net;
using System.Text.Json;
using Copilot.Fakes.Zendesk;

namespace Copilot.Fakes.Abcd;

/// <summary>One ABCD chat (asappresearch/abcd): its customer, the turns in order, and the scenario's structured fields.</summary>
public sealed record AbcdChat(
    int ConvoId, string Flow, string Subflow, string CustomerName, string? Email, string? Username,
    IReadOnlyDictionary<string, string> Fields, IReadOnlyList<double> Amounts, IReadOnlyList<(string Speaker, string Text)> Turns)
{
    public IEnumerable<string> CustomerTurns => Turns.Where(t => t.Speaker == "customer").Select(t => t.Text);
    public IEnumerable<string> AgentTurns => Turns.Where(t => t.Speaker == "agent").Select(t => t.Text);

    /// <summary>The ticket's subject: the customer's first turn that says something (more than a greeting), at most 80 characters.</summary>
    public string Subject
    {
        get
        {
            var subject = CustomerTurns.FirstOrDefault(t => t.Split(' ').Length > 3) ?? Subflow.Replace('_', ' ');
            return subject.Length <= 80 ? subject : subject[..80];
        }
    }
}

/// <summary>
/// ABCD's chats and guideline documents read from the shared datasets folder (never copied into the repository),
/// and a fake Zendesk account built from them: the guidelines as Help Center articles, each chat once as a solved
/// ticket (customer and agent turns as public comments) and once as an open ticket holding the customer's turns.
/// </summary>
public sealed class AbcdChats
{
    public const long AgentId = 2001;
    public const long SolvedBase = 10_000;
    public const long OpenBase = 20_000;
    private const long CustomerBase = 50_000;

    public required IReadOnlyList<AbcdChat> Chats { get; init; }
    public required IReadOnlyList<(string Id, string Title, string Text)> Guidelines { get; init; }

    /// <param name="abcdFolder">The folder holding abcd_train_first50.json and kb_guideline_docs.jsonl.</param>
    public static AbcdChats Load(string abcdFolder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(abcdFolder, "abcd_train_first50.json")));
        var chats = json.RootElement.GetProperty("train").EnumerateArray().Select(Chat).ToList();
        var guidelines = File.ReadLines(Path.Combine(abcdFolder, "kb_guideline_docs.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("doc_id").GetString()!, e.GetProperty("title").GetString()!, e.GetProperty("text").GetString()!))
            .ToList();
        return new AbcdChats { Chats = chats, Guidelines = guidelines };
    }

    public static long OpenTicketId(int index) => OpenBase + index;

    public FakeZendeskData ToZendesk()
    {
        var start = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        var data = new FakeZendeskData
        {
            Company = new FakeCompany { Name = "AcmeBrands", Subdomain = "acmebrands", HelpCenterUrl = "https://acmebrands.zendesk.com/hc" },
            Users = [new FakeUser { Id = AgentId, Name = "Support Agent", Email = "agent@acmebrands.example", Role = "agent", Locale = "en-US" }],
            Sections = [new FakeSection { Id = 1, Name = "Guidelines" }],
        };
        data.Articles.AddRange(Guidelines.Select((g, i) => new FakeArticle
        {
            Id = 7_000_000 + i, Title = g.Title, SectionId = 1, CreatedAt = start, UpdatedAt = start,
            Body = string.Concat(g.Text.Split('\n').Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>")),
        }));
        for (var i = 0; i < Chats.Count; i++)
        {
            var chat = Chats[i];
            var customer = CustomerBase + i;
            data.Users.Add(new FakeUser { Id = customer, Name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(chat.CustomerName), Email = chat.Email, Locale = "en-US" });
            var at = start.AddHours(i);
            var subject = chat.Subject;
            var solved = new FakeTicket { Id = SolvedBase + i, Subject = subject, Status = "solved", RequesterId = customer, AssigneeId = AgentId, CreatedAt = at, UpdatedAt = at.AddMinutes(chat.Turns.Count) };
            var n = 0;
            foreach (var (speaker, text) in chat.Turns.Where(t => t.Speaker is "customer" or "agent"))
            {
                solved.Comments.Add(Comment(solved.Id * 100 + n, speaker == "agent" ? AgentId : customer, text, at.AddMinutes(n)));
                n++;
            }
            data.Tickets.Add(solved);
            var open = new FakeTicket { Id = OpenTicketId(i), Subject = subject, Status = "open", RequesterId = customer, CreatedAt = at, UpdatedAt = at };
            open.Comments.Add(Comment(open.Id * 100, customer, string.Join("\n", chat.CustomerTurns), at));
            data.Tickets.Add(open);
        }
        return data;
    }

    private static FakeComment Comment(long id, long author, string text, DateTimeOffset at) =>
        new() { Id = id, AuthorId = author, Public = true, CreatedAt = at, HtmlBody = string.Concat(text.Split('\n').Select(l => "<p>" + WebUtility.HtmlEncode(l) + "</p>")) };

    private static AbcdChat Chat(JsonElement e)
    {
        var scenario = e.GetProperty("scenario");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in new[] { "personal", "order" })
        {
            foreach (var p in scenario.GetProperty(group).EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number))
            {
                fields[p.Name] = p.Value.ToString();
            }
        }
        var amounts = scenario.GetProperty("product").TryGetProperty("amounts", out var a) ? a.EnumerateArray().Select(x => x.GetDouble()).ToList() : [];
        var turns = e.GetProperty("original").EnumerateArray().Select(t => (t[0].GetString()!, t[1].GetString()!)).ToList();
        return new AbcdChat(e.GetProperty("convo_id").GetInt32(), scenario.GetProperty("flow").GetString()!, scenario.GetProperty("subflow").GetString()!,
            fields.GetValueOrDefault("customer_name", ""), fields.GetValueOrDefault("email"), fields.GetValueOrDefault("username"), fields, amounts, turns);
    }
}
