using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Offline;

/// <summary>Builds realistic threads: a requester, agents, and comments minutes or hours apart.</summary>
internal sealed class Threads
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly List<HelpdeskComment> _comments = [];
    private DateTimeOffset _clock = Start;
    private long _nextId = 5000101;

    public Threads(string subject, string requester = "Emily Carter", string status = "open", string? locale = "en-US")
    {
        Subject = subject;
        Status = status;
        Customer = new HelpdeskUser(1001, requester, "customer@example.com", AuthorRole.Customer, locale);
    }

    public string Subject { get; }
    public string Status { get; }
    public HelpdeskUser Customer { get; }
    public static HelpdeskUser Priya { get; } = new(2003, "Priya Natarajan", "priya@lumora-home.example", AuthorRole.Agent, "en-US");
    public static HelpdeskUser Hannah { get; } = new(2002, "Hannah Becker", "hannah@lumora-home.example", AuthorRole.Agent, "de");

    public Threads FromCustomer(string text, TimeSpan? after = null) => Add(Customer, true, text, after);
    public Threads FromAgent(string text, TimeSpan? after = null, HelpdeskUser? agent = null) => Add(agent ?? Priya, true, text, after);
    public Threads InternalNote(string text, TimeSpan? after = null, HelpdeskUser? agent = null) => Add(agent ?? Priya, false, text, after);

    public HelpdeskThread Build()
    {
        var ticket = new HelpdeskTicket(101, Subject, Status, "normal", Customer, Priya.Id, [], Start, _clock);
        return new HelpdeskThread(ticket, _comments.ToList());
    }

    private Threads Add(HelpdeskUser author, bool isPublic, string text, TimeSpan? after)
    {
        _clock += after ?? TimeSpan.FromMinutes(30);
        _comments.Add(new HelpdeskComment(_nextId++, author, isPublic, text, _clock));
        return this;
    }
}
