namespace Copilot.Connectors.Helpdesk;

/// <summary>Who wrote a comment, as far as the helpdesk tells us.</summary>
public enum AuthorRole { Customer, Agent, System }

public sealed record HelpdeskUser(long Id, string Name, string? Email, AuthorRole Role, string? Locale);

public sealed record HelpdeskTicket(
    long Id,
    string Subject,
    string Status,
    string? Priority,
    HelpdeskUser Requester,
    long? AssigneeId,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One comment of a thread, as clean text. <see cref="Public"/> false is an internal note.</summary>
public sealed record HelpdeskComment(
    long Id,
    HelpdeskUser Author,
    bool Public,
    string Text,
    DateTimeOffset CreatedAt);

/// <summary>A ticket with its whole thread, oldest comment first.</summary>
public sealed record HelpdeskThread(HelpdeskTicket Ticket, IReadOnlyList<HelpdeskComment> Comments)
{
    public long LatestCommentId => Comments.Count == 0 ? 0 : Comments[^1].Id;
}

public sealed record HelpdeskArticle(
    string Id,
    string Title,
    string Text,
    string Url,
    string Locale,
    IReadOnlyList<string> Labels,
    bool Draft,
    DateTimeOffset UpdatedAt);

public sealed record HelpdeskMacro(string Id, string Title, string? Description, string Text, bool Active);

/// <summary>A page of changed articles and where the next incremental export starts.</summary>
public sealed record ArticleChanges(IReadOnlyList<HelpdeskArticle> Articles, DateTimeOffset NextStart);

/// <summary>
/// A solved ticket's agent replies, used as past answers in the knowledge index. <see cref="People"/>
/// are the names of the requester and the agents on it (so they can be removed before the replies are
/// reused); <see cref="Url"/> opens the ticket in the helpdesk's agent interface; its tags (which may
/// name the ticket's intent) teach triage the tenant's intents.
/// </summary>
public sealed record SolvedTicket(
    long Id, string Subject, string CustomerText, IReadOnlyList<string> AgentReplies, DateTimeOffset UpdatedAt,
    IReadOnlyList<string>? People = null, string? Url = null)
{
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>
/// The ticket as it would be after a macro is applied (nothing is changed): the reply text it writes
/// (<see cref="CommentPublic"/> false: an internal note), the status, tags, group and assignee it would set.
/// A null value is one the macro leaves as it is.
/// </summary>
public sealed record MacroPreview(
    long MacroId,
    string? Comment,
    bool CommentPublic,
    string? Status,
    IReadOnlyList<string>? Tags,
    long? GroupId,
    long? AssigneeId);
