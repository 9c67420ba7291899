namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// What an approved action writes on a ticket; only the fields set are sent (a null leaves the field as it is).
/// <see cref="Priority"/> is the copilot's word (low, normal, high, urgent), each connector writes its helpdesk's;
/// <see cref="CustomFields"/> are keyed by the helpdesk's field key (Zendesk's field id, Freshdesk's <c>cf_…</c> name).
/// <see cref="InternalNote"/> is added as a private note, never a public reply.
/// </summary>
public sealed record TicketChange
{
    public string? Priority { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<string>? AddTags { get; init; }
    public long? GroupId { get; init; }
    public long? AssigneeId { get; init; }
    public IReadOnlyDictionary<string, string>? CustomFields { get; init; }
    public string? InternalNote { get; init; }

    /// <summary>Whether the change writes a field of the ticket (rather than only a note).</summary>
    public bool SetsFields => Priority is not null || Type is not null || Status is not null || AddTags is { Count: > 0 }
        || GroupId is not null || AssigneeId is not null || CustomFields is { Count: > 0 };
}
