namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// What the copilot reads from a helpdesk, and the one write an agent approves (<see cref="UpdateTicketAsync"/>).
/// One implementation per vendor; every failure surfaces as <see cref="HelpdeskException"/>.
/// </summary>
public interface IHelpdeskClient
{
    /// <summary>"zendesk" or "freshdesk": named in errors so agents know which system failed.</summary>
    string Kind { get; }

    /// <summary>The ticket with its requester, and every comment (public replies and internal notes).</summary>
    /// <returns>null when the helpdesk has no such ticket.</returns>
    Task<HelpdeskThread?> GetThreadAsync(long ticketId, CancellationToken cancellationToken);

    /// <summary>Every published article (all pages).</summary>
    Task<IReadOnlyList<HelpdeskArticle>> GetArticlesAsync(CancellationToken cancellationToken);

    /// <summary>Articles changed since <paramref name="since"/> (including drafts and archived ones).</summary>
    Task<ArticleChanges> GetArticleChangesAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Active macros / canned responses (all pages).</summary>
    Task<IReadOnlyList<HelpdeskMacro>> GetMacrosAsync(CancellationToken cancellationToken);

    /// <summary>What applying the macro to the ticket would change, without changing it.</summary>
    /// <returns>null when the helpdesk has no such ticket or macro.</returns>
    Task<MacroPreview?> PreviewMacroAsync(long ticketId, long macroId, CancellationToken cancellationToken);

    /// <summary>Recently solved tickets with their public agent replies, newest first, up to <paramref name="max"/>.</summary>
    Task<IReadOnlyList<SolvedTicket>> GetSolvedTicketsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Tickets the user asked for (any status), most recently updated first, up to <paramref name="max"/> (at most 100): one call.</summary>
    Task<IReadOnlyList<TicketListing>> GetRequesterTicketsAsync(long requesterId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the tickets changed since <paramref name="since"/> that are solved or closed, oldest change first:
    /// Zendesk's incremental ticket export (cursor), Freshdesk's ticket list by <c>updated_since</c>. Pass the page's
    /// <see cref="SolvedTicketsPage.Next"/> as <paramref name="next"/> for the following page. Reads only.
    /// </summary>
    Task<SolvedTicketsPage> ExportSolvedAsync(DateTimeOffset since, string? next, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The {Kind} connector cannot export solved tickets.");

    /// <summary>
    /// A ticket field's definition, by the key a <see cref="TicketChange.CustomFields"/> entry writes it by (Zendesk's
    /// field id, Freshdesk's <c>cf_…</c> name): its type and, for a dropdown, the options it accepts. Reads only.
    /// </summary>
    /// <returns>null when the helpdesk has no such field.</returns>
    Task<HelpdeskField?> GetTicketFieldAsync(string key, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The {Kind} connector cannot read ticket fields.");

    /// <summary>
    /// Writes <paramref name="change"/> on the ticket: its fields in one update, its note as a private note. Called only
    /// for an action the agent approved.
    /// </summary>
    /// <returns>false when the helpdesk has no such ticket.</returns>
    Task<bool> UpdateTicketAsync(long ticketId, TicketChange change, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The {Kind} connector cannot change tickets.");
}
