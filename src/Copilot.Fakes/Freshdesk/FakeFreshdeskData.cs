using System.Text.Json;

namespace Copilot.Fakes.Freshdesk;

/// <summary>
/// Everything the fake Freshdesk knows: agents, roles, groups, contacts, solutions, canned responses, ticket
/// fields and tickets. Load the demo company with <see cref="LoadDemo"/> or build it in code; change it while the fake
/// runs to simulate new activity (always through the methods here, which lock).
/// </summary>
public sealed class FakeFreshdeskData
{
    /// <summary>The last page of the ticket list Freshdesk answers (300); later pages are a 400.</summary>
    public int MaxTicketListPage { get; set; } = 300;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    internal object Sync { get; } = new();

    public FakeFdCompany Company { get; set; } = new();
    public FakeFdSettings Settings { get; set; } = new();
    public List<FakeFdRole> Roles { get; set; } = [];
    public List<FakeFdGroup> Groups { get; set; } = [];
    public List<FakeFdAgent> Agents { get; set; } = [];
    public List<FakeFdContact> Contacts { get; set; } = [];
    public List<FakeFdCategory> Categories { get; set; } = [];
    public List<FakeFdFolder> Folders { get; set; } = [];
    public List<FakeFdArticle> Articles { get; set; } = [];
    public List<FakeFdCannedFolder> CannedFolders { get; set; } = [];
    public List<FakeFdCannedResponse> CannedResponses { get; set; } = [];
    public List<FakeFdTicket> Tickets { get; set; } = [];

    /// <summary>The account's custom ticket fields; a ticket update naming another custom field, or setting a dropdown to a value none of its choices is, is refused.</summary>
    public List<FakeFdTicketField> TicketFields { get; set; } = [];

    /// <summary>The API key the fake accepts (Basic "{ApiKey}:X").</summary>
    public string ApiKey { get; set; } = "fake-freshdesk-api-key";

    /// <summary>The account's rate limit per minute (<c>X-RateLimit-Total</c>).</summary>
    public int RateLimitPerMinute { get; set; } = 400;

    /// <summary>The demo company "Spokewise" from the embedded DemoData/spokewise.json.</summary>
    public static FakeFreshdeskData LoadDemo()
    {
        using var stream = typeof(FakeFreshdeskData).Assembly.GetManifestResourceStream("DemoData.spokewise.json")
            ?? throw new InvalidOperationException("The embedded resource DemoData.spokewise.json is missing.");
        return FromJson(stream);
    }

    public static FakeFreshdeskData FromJson(Stream json) =>
        JsonSerializer.Deserialize<FakeFreshdeskData>(json, Json) ?? throw new InvalidDataException("Demo data is empty.");

    public FakeFdTicket? FindTicket(long id)
    {
        lock (Sync)
        {
            return Tickets.FirstOrDefault(t => t.Id == id);
        }
    }

    /// <summary>Adds a reply or note to a ticket and touches the ticket.</summary>
    /// <param name="incoming">From outside (the customer); false for an agent's reply or note.</param>
    public FakeFdConversation AddConversation(long ticketId, long userId, string htmlBody, bool incoming, bool isPrivate = false, DateTimeOffset? at = null)
    {
        lock (Sync)
        {
            var ticket = Tickets.FirstOrDefault(t => t.Id == ticketId) ?? throw new KeyNotFoundException($"No ticket {ticketId}.");
            var when = at ?? DateTimeOffset.UtcNow;
            var nextId = Tickets.SelectMany(t => t.Conversations).Select(c => c.Id).DefaultIfEmpty(43_000_000_000).Max() + 1;
            var conversation = new FakeFdConversation { Id = nextId, UserId = userId, Incoming = incoming, Private = isPrivate, Body = htmlBody, CreatedAt = when };
            ticket.Conversations.Add(conversation);
            ticket.UpdatedAt = when;
            return conversation;
        }
    }

    /// <summary>Adds the article, or replaces the one with the same id; stamps updated_at.</summary>
    public void UpsertArticle(FakeFdArticle article, DateTimeOffset? at = null)
    {
        lock (Sync)
        {
            article.UpdatedAt = at ?? DateTimeOffset.UtcNow;
            var index = Articles.FindIndex(a => a.Id == article.Id);
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

    public void AddTicket(FakeFdTicket ticket)
    {
        lock (Sync)
        {
            Tickets.Add(ticket);
        }
    }

    /// <param name="status">2 open, 3 pending, 4 resolved, 5 closed.</param>
    public void UpdateTicketStatus(long ticketId, int status, DateTimeOffset? at = null)
    {
        lock (Sync)
        {
            var ticket = Tickets.FirstOrDefault(t => t.Id == ticketId) ?? throw new KeyNotFoundException($"No ticket {ticketId}.");
            ticket.Status = status;
            ticket.UpdatedAt = at ?? DateTimeOffset.UtcNow;
        }
    }
}
