namespace Copilot.Api.Macros;

/// <summary>One ticket field a macro would change: its value now and after.</summary>
public sealed record FieldChangeDto(string Field, string? From, string? To);

/// <summary>
/// What applying a macro would do to the ticket, before the agent applies it: the reply it writes (placeholders
/// filled in for this ticket and agent; <c>commentPublic</c> false is an internal note), the fields it changes, and
/// the tags it adds and removes. Nothing is changed until the agent applies it in the helpdesk.
/// </summary>
public sealed record MacroPreviewResponse(
    long MacroId,
    string? Comment,
    bool CommentPublic,
    IReadOnlyList<FieldChangeDto> Changes,
    IReadOnlyList<string> TagsAdded,
    IReadOnlyList<string> TagsRemoved);
