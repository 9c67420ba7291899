using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.Connectors;

/// <summary>A small Zendesk account built in code, so each test knows exactly what the helpdesk holds.</summary>
internal static class ZendeskTestData
{
    public const long Customer = 10, Agent = 20, Admin = 30;
    public const long TypicalTicket = 100, LongTicket = 200, SystemTicket = 300;
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static FakeZendeskData Build()
    {
        var data = new FakeZendeskData
        {
            Company = new FakeCompany { Name = "Test Co", Subdomain = "test", HelpCenterUrl = "https://test.zendesk.com/hc" },
            Users =
            [
                new FakeUser { Id = Customer, Name = "Carla Customer", Email = "carla@example.test", Role = "end-user", Locale = "en-US" },
                new FakeUser { Id = Agent, Name = "Andy Agent", Email = "andy@test.example", Role = "agent" },
                new FakeUser { Id = Admin, Name = "Ada Admin", Email = "ada@test.example", Role = "admin" },
            ],
            Sections = [new FakeSection { Id = 1, Name = "Setup", Locale = "en-us" }, new FakeSection { Id = 2, Name = "Einrichtung", Locale = "de" }],
        };
        data.Tickets.Add(new FakeTicket
        {
            Id = TypicalTicket, Subject = "Bridge won't connect", Status = "open", Priority = "high", RequesterId = Customer,
            AssigneeId = Agent, Tags = ["bridge", "wifi"], CreatedAt = T0, UpdatedAt = T0.AddHours(2),
            Comments =
            [
                new FakeComment { Id = 1001, AuthorId = Customer, CreatedAt = T0, HtmlBody = "<p>My bridge&nbsp;blinks <b>amber</b>.</p><p>Help!</p>" },
                new FakeComment { Id = 1002, AuthorId = Agent, Public = false, CreatedAt = T0.AddHours(1), HtmlBody = "<p>Probably 5 GHz again.</p>" },
                new FakeComment { Id = 1003, AuthorId = Admin, CreatedAt = T0.AddHours(2), HtmlBody = "<p>Please use the 2.4 GHz band:</p><ol><li>Open settings</li><li>Pick <a href=\"https://test.zendesk.com/hc/en-us/articles/1\">the guide</a></li></ol>" },
            ],
        });
        var many = new FakeTicket { Id = LongTicket, Subject = "Long story", Status = "open", RequesterId = Customer, CreatedAt = T0, UpdatedAt = T0 };
        for (var i = 0; i < 250; i++)
        {
            many.Comments.Add(new FakeComment { Id = 5000 + i, AuthorId = i % 2 == 0 ? Customer : Agent, CreatedAt = T0.AddMinutes(i), HtmlBody = $"<p>Message {i}</p>" });
        }
        data.Tickets.Add(many);
        data.Tickets.Add(new FakeTicket
        {
            Id = SystemTicket, Subject = "Auto-closed", Status = "solved", RequesterId = Customer, CreatedAt = T0, UpdatedAt = T0.AddDays(1),
            Comments =
            [
                new FakeComment { Id = 3001, AuthorId = Customer, CreatedAt = T0, HtmlBody = "Where is my order?" },
                new FakeComment { Id = 3002, AuthorId = -1, CreatedAt = T0.AddDays(1), HtmlBody = "<p>This ticket was closed automatically.</p>" },
            ],
        });
        return data;
    }

    public static FakeArticle Article(long id, string locale, DateTimeOffset updated, bool draft = false, string? title = null, string? sourceLocale = null) => new()
    {
        Id = id, Title = title ?? $"Article {id}", Locale = locale, SourceLocale = sourceLocale, SectionId = 1, Draft = draft, CreatedAt = T0, UpdatedAt = updated,
        LabelNames = ["setup"], Body = $"<h2>Article {id}</h2><p>Body of {id}.</p>",
    };
}
