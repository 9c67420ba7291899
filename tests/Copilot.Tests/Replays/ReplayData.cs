using System.Net;
using System.Text.Json;
using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.Replays;

/// <summary>
/// Four solved tickets and an open one, the same on the fake Zendesk, the fake Freshdesk and in a JSON Lines file, with
/// what is known of each worked out by hand:
/// 1001 (billing, group 10): the agent quotes the refunds article (id 101) and gives three facts — $49.00, "within 5
/// business days", a link; 1002 (setup, group 20): the agent quotes the reset article (102) as three numbered steps;
/// 1003 (billing, escalated): the customer asks to speak to a manager, which the "Asks for a human" rule hands off, and
/// the agent's reply gives no fact; 1004: no agent reply (not replayed); 1005: still open (not listed).
/// </summary>
public static class ReplayData
{
    public const long Agent = 2001;
    public const string RefundArticle = "If you were charged twice for one order, we refund the duplicate charge to the original payment method within 5 business days.";
    public const string ResetSteps = "<ol><li>Switch the bulb off and on five times</li><li>Wait until it blinks twice</li><li>Add it again in the Lumora app</li></ol>";

    public static readonly (long Id, string Subject, string[] Tags, long Group, string Customer, string? Reply, string Requester)[] Tickets =
    [
        (1001, "Charged twice for my order", ["billing"], 10, "I was charged twice for my starter kit order. Can I get a refund for the double charge?",
            "Sorry about the double charge! We refund the duplicate charge to the original payment method within 5 business days. "
            + "I have refunded $49.00 to your card. Billing status: https://status.example.com/billing", "Ana Souza"),
        (1002, "Bulb not responding", ["setup"], 20, "My smart bulb stopped responding. How do I reset the bulb?",
            "Here is how to reset it:\n1. Switch the bulb off and on five times\n2. Wait until it blinks twice\n3. Add it again in the Lumora app", "Ben Okafor"),
        (1003, "Third time about this charge", ["billing", "escalated"], 10,
            "This is the third time I write about this charge. I want to speak to a manager now.",
            "I understand. I have passed your case to our billing lead, who will contact you.", "Cara Lind"),
        (1004, "Wrong colour", ["setup"], 20, "The bulb shows the wrong colour after the update.", null, "Dev Patel"),
    ];

    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeZendeskData Zendesk()
    {
        var data = new FakeZendeskData
        {
            Company = new FakeCompany { Name = "Lumora", Subdomain = "lumora", HelpCenterUrl = "https://help.example.com/hc" },
            Users = [new FakeUser { Id = Agent, Name = "Sam Rivera", Email = "sam@lumora.example", Role = "agent" }],
            Sections = [new FakeSection { Id = 1, Name = "Help" }],
            Articles =
            [
                new FakeArticle { Id = 101, Title = "Refunds for double charges", SectionId = 1, Body = $"<p>{RefundArticle}</p>", CreatedAt = Start, UpdatedAt = Start },
                new FakeArticle { Id = 102, Title = "Resetting a smart bulb", SectionId = 1, Body = $"<p>To reset a bulb:</p>{ResetSteps}", CreatedAt = Start, UpdatedAt = Start },
            ],
        };
        foreach (var (t, i) in Tickets.Select((t, i) => (t, i)))
        {
            var customer = 500 + i;
            data.Users.Add(new FakeUser { Id = customer, Name = t.Requester, Email = $"c{customer}@mail.example" });
            var at = Start.AddHours(i);
            var ticket = new FakeTicket { Id = t.Id, Subject = t.Subject, Status = "solved", RequesterId = customer, AssigneeId = Agent, GroupId = t.Group, Tags = [.. t.Tags], CreatedAt = at, UpdatedAt = at.AddMinutes(30) };
            ticket.Comments.Add(new FakeComment { Id = t.Id * 10, AuthorId = customer, CreatedAt = at, HtmlBody = Html(t.Customer) });
            if (t.Reply is { } reply)
            {
                ticket.Comments.Add(new FakeComment { Id = t.Id * 10 + 1, AuthorId = Agent, CreatedAt = at.AddMinutes(20), HtmlBody = Html(reply) });
            }
            data.Tickets.Add(ticket);
        }
        data.Tickets.Add(new FakeTicket { Id = 1005, Subject = "Still open", Status = "open", RequesterId = 500, CreatedAt = Start, UpdatedAt = Start.AddDays(1),
            Comments = [new FakeComment { Id = 10050, AuthorId = 500, CreatedAt = Start, HtmlBody = "<p>Is my order shipped?</p>" }] });
        return data;
    }

    public static FakeFreshdeskData Freshdesk()
    {
        var data = new FakeFreshdeskData
        {
            Company = new FakeFdCompany { Name = "Lumora", Domain = "lumora" },
            Agents = [new FakeFdAgent { Id = Agent, Name = "Sam Rivera", Email = "sam@lumora.example" }],
            Categories = [new FakeFdCategory { Id = 1, Name = "Help" }],
            Folders = [new FakeFdFolder { Id = 1, CategoryId = 1, Name = "Help" }],
            Articles =
            [
                new FakeFdArticle { Id = 101, FolderId = 1, Title = "Refunds for double charges", Description = $"<p>{RefundArticle}</p>", AgentId = Agent, CreatedAt = Start, UpdatedAt = Start },
                new FakeFdArticle { Id = 102, FolderId = 1, Title = "Resetting a smart bulb", Description = $"<p>To reset a bulb:</p>{ResetSteps}", AgentId = Agent, CreatedAt = Start, UpdatedAt = Start },
            ],
        };
        foreach (var (t, i) in Tickets.Select((t, i) => (t, i)))
        {
            var customer = 500 + i;
            data.Contacts.Add(new FakeFdContact { Id = customer, Name = t.Requester, Email = $"c{customer}@mail.example" });
            var at = Start.AddHours(i);
            var ticket = new FakeFdTicket { Id = t.Id, Subject = t.Subject, Status = 4, RequesterId = customer, ResponderId = Agent, GroupId = t.Group, Tags = [.. t.Tags],
                CreatedAt = at, UpdatedAt = at.AddMinutes(30), Description = Html(t.Customer) };
            if (t.Reply is { } reply)
            {
                ticket.Conversations.Add(new FakeFdConversation { Id = t.Id * 10 + 1, UserId = Agent, Incoming = false, Body = Html(reply), CreatedAt = at.AddMinutes(20) });
            }
            data.Tickets.Add(ticket);
        }
        data.Tickets.Add(new FakeFdTicket { Id = 1005, Subject = "Still open", Status = 2, RequesterId = 500, CreatedAt = Start, UpdatedAt = Start.AddDays(1), Description = "<p>Is my order shipped?</p>" });
        return data;
    }

    /// <summary>The same tickets as JSON Lines, with the answers the file can give: the articles used, the intent, the escalation.</summary>
    public static string Jsonl() => string.Join("\n", Tickets.Select((t, i) => JsonSerializer.Serialize(new
    {
        id = t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        subject = t.Subject,
        intent = t.Tags[0],
        group = t.Group == 10 ? "billing team" : "setup team",
        solvedAt = Start.AddHours(i).AddMinutes(30),
        escalated = t.Tags.Contains("escalated"),
        usedArticles = t.Id switch { 1001 => new[] { "101" }, 1002 => ["102"], _ => [] },
        comments = t.Reply is null
            ? new object[] { new { author = "customer", name = t.Requester, text = t.Customer } }
            : [new { author = "customer", name = t.Requester, text = t.Customer }, new { author = "agent", name = "Sam Rivera", text = t.Reply }],
    })));

    private static string Html(string text) => string.Concat(text.Split('\n').Select(l => "<p>" + WebUtility.HtmlEncode(l) + "</p>"));
}
