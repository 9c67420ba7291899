using System.Reflection;
using System.Text.Json;

namespace Copilot.Fakes.Zendesk;

/// <summary>
/// Everything the fake Zendesk knows: users, Help Center, macros, ticket fields and tickets. Load the demo
/// company with <see cref="LoadDemo"/> or build it in code; change it while the fake runs to
/// simulate new activity (always through the methods here, which lock).
/// </summary>
public sealed class FakeZendeskData
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    internal object Sync { get; } = new();

    public FakeCompany Company { get; set; } = new();
    public List<FakeUser> Users { get; set; } = [];
    public List<FakeGroup> Groups { get; set; } = [];
    public List<FakeSection> Sections { get; set; } = [];
    public List<FakeArticle> Articles { get; set; } = [];
    public List<FakeMacro> Macros { get; set; } = [];
    public List<FakeTicket> Tickets { get; set; } = [];

    /// <summary>The account's custom ticket fields; a ticket update that sets a dropdown to a value none of its options has is refused.</summary>
    public List<FakeTicketField> TicketFields { get; set; } = [];

    /// <summary>Credentials the fake accepts: Basic "{Email}/token:{ApiToken}" or Bearer <see cref="OAuthToken"/>.</summary>
    public string Email { get; set; } = "copilot@lumora-home.example";
    public string ApiToken { get; set; } = "fake-zendesk-api-token";
    public string OAuthToken { get; set; } = "fake-zendesk-oauth-token";

    /// <summary>
    /// The account's rate limit per minute (<c>X-Rate-Limit</c>): 700 as on Zendesk's Enterprise plan, well above what the
    /// demo and the tests spend in a minute; a test that wants the account to run dry sets less.
    /// </summary>
    public int RateLimitPerMinute { get; set; } = 700;

    /// <summary>Page sizes for offset-paged lists (macros, search, articles) when the caller sends no per_page.</summary>
    public int MacroPageSize { get; set; } = 100;
    public int SearchPageSize { get; set; } = 100;
    public int ArticlePageSize { get; set; } = 30;

    /// <summary>The demo company "Lumora Home" from the embedded DemoData/lumora.json.</summary>
    public static FakeZendeskData LoadDemo()
    {
        using var stream = typeof(FakeZendeskData).Assembly.GetManifestResourceStream("DemoData.lumora.json")
            ?? throw new InvalidOperationException("The embedded resource DemoData.lumora.json is missing.");
        return FromJson(stream);
    }

    public static FakeZendeskData FromJson(Stream json) =>
        JsonSerializer.Deserialize<FakeZendeskData>(json, Json) ?? throw new InvalidDataException("Demo data is empty.");

    public FakeTicket? FindTicket(long id)
    {
        lock (Sync)
        {
            return Tickets.FirstOrDefault(t => t.Id == id);
        }
    }

    /// <summary>The options of a dropdown (at most one) or multi-select the ticket has chosen: their tags, those it carries.</summary>
    public static IReadOnlyList<string> Chosen(FakeTicket ticket, FakeTicketField field) =>
        field.Options.Select(o => o.Value).Where(ticket.Tags.Contains).ToList();

    /// <summary>A dropdown's chosen option (its tag), or null.</summary>
    public string? ChosenOption(long ticketId, long fieldId)
    {
        lock (Sync)
        {
            return Tickets.FirstOrDefault(t => t.Id == ticketId) is { } ticket && TicketFields.FirstOrDefault(f => f.Id == fieldId) is { } field
                ? Chosen(ticket, field).FirstOrDefault()
                : null;
        }
    }

    /// <summary>Adds a comment to a ticket (as a customer reply, an agent reply or an internal note) and touches the ticket.</summary>
    public FakeComment AddComment(long ticketId, long authorId, string htmlBody, bool isPublic = true, DateTimeOffset? at = null)
    {
        lock (Sync)
        {
            var ticket = Tickets.FirstOrDefault(t => t.Id == ticketId) ?? throw new KeyNotFoundException($"No ticket {ticketId}.");
            var when = at ?? DateTimeOffset.UtcNow;
            var nextId = Tickets.SelectMany(t => t.Comments).Select(c => c.Id).DefaultIfEmpty(ticketId * 1000).Max() + 1;
            var comment = new FakeComment { Id = nextId, AuthorId = authorId, Public = isPublic, CreatedAt = when, HtmlBody = htmlBody };
            ticket.Comments.Add(comment);
            ticket.UpdatedAt = when;
            return comment;
        }
    }

    /// <summary>Adds the article, or replaces the one with the same id and locale; stamps updated_at.</summary>
    public void UpsertArticle(FakeArticle article, DateTimeOffset? at = null)
    {
        lock (Sync)
        {
            article.UpdatedAt = at ?? DateTimeOffset.UtcNow;
            var index = Articles.FindIndex(a => a.Id == article.Id && string.Equals(a.Locale, article.Locale, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                article.CreatedAt = Articles[index].CreatedAt;
                Articles[index] = article;
            }
            else
            {
                Articles.Add(article);
            }
        }
    }

    public void AddTicket(FakeTicket ticket)
    {
        lock (Sync)
        {
            Tickets.Add(ticket);
        }
    }

    public void UpdateTicketStatus(long ticketId, string status, DateTimeOffset? at = null)
    {
        lock (Sync)
        {
            var ticket = Tickets.FirstOrDefault(t => t.Id == ticketId) ?? throw new KeyNotFoundException($"No ticket {ticketId}.");
            ticket.Status = status;
            ticket.UpdatedAt = at ?? DateTimeOffset.UtcNow;
        }
    }
}
