using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Knowledge;

/// <summary>An in-memory helpdesk for sync tests: what it returns is what the test put in.</summary>
public sealed class FakeHelpdesk : IHelpdeskClient, IHelpdeskClientFactory
{
    public List<HelpdeskArticle> Articles { get; } = [];
    public List<HelpdeskMacro> Macros { get; } = [];
    public List<SolvedTicket> Solved { get; } = [];

    /// <summary>Pages returned by the incremental export, in order; an empty page ends it.</summary>
    public Queue<ArticleChanges> Changes { get; } = new();

    public List<DateTimeOffset> ChangeRequests { get; } = [];

    public Exception? FailWith { get; set; }

    public string Kind => "zendesk";

    public IHelpdeskClient Create(HelpdeskConnection connection) => this;

    public Task<HelpdeskThread?> GetThreadAsync(long ticketId, CancellationToken cancellationToken) => Task.FromResult<HelpdeskThread?>(null);

    public Task<IReadOnlyList<HelpdeskArticle>> GetArticlesAsync(CancellationToken cancellationToken) =>
        FailWith is { } e ? Task.FromException<IReadOnlyList<HelpdeskArticle>>(e) : Task.FromResult<IReadOnlyList<HelpdeskArticle>>(Articles.ToList());

    public Task<ArticleChanges> GetArticleChangesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (FailWith is { } e)
        {
            return Task.FromException<ArticleChanges>(e);
        }
        ChangeRequests.Add(since);
        return Task.FromResult(Changes.Count > 0 ? Changes.Dequeue() : new ArticleChanges([], since));
    }

    public Task<IReadOnlyList<HelpdeskMacro>> GetMacrosAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HelpdeskMacro>>(Macros.ToList());

    public Task<MacroPreview?> PreviewMacroAsync(long ticketId, long macroId, CancellationToken cancellationToken) =>
        Task.FromResult<MacroPreview?>(null);

    public Task<IReadOnlyList<SolvedTicket>> GetSolvedTicketsAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SolvedTicket>>(Solved.Take(max).ToList());

    /// <summary>This helpdesk holds no open tickets, only solved ones, which name no requester.</summary>
    public Task<IReadOnlyList<TicketListing>> GetRequesterTicketsAsync(long requesterId, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TicketListing>>([]);

    public static HelpdeskArticle Article(string id, string title, string text, bool draft = false, string locale = "en-us") =>
        new(id, title, text, $"https://help.example.com/hc/articles/{id}", locale, [], draft, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
}
