namespace Copilot.Api.Analytics;

public sealed record KnowledgeGapsResponse(
    string Tenant,
    string From,
    string To,
    double Threshold,
    int TicketCount,
    IReadOnlyList<KnowledgeGapTopic> Topics);

/// <summary>
/// A group of tickets the knowledge base did not answer well: <c>NoMatch</c> tickets had no
/// knowledge match scoring at least the threshold; <c>MissingContext</c> / <c>OutdatedArticle</c>
/// count tickets whose draft agents rejected for that reason.
/// </summary>
public sealed record KnowledgeGapTopic(
    string Label,
    IReadOnlyList<string> Terms,
    int TicketCount,
    int NoMatch,
    int MissingContext,
    int OutdatedArticle,
    IReadOnlyList<long> ExampleTicketIds,
    IReadOnlyList<ClosestArticle> ClosestArticles);

/// <summary>The nearest the knowledge base came for this topic: improve or replace these.</summary>
public sealed record ClosestArticle(string SourceId, string? Title, double? BestScore, int Tickets);
