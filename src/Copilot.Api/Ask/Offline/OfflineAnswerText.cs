using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;

namespace Copilot.Api.Ask.Offline;

/// <summary>
/// How an offline answer reads, ready to insert: per source its name (an article's or document's link as the tenant's
/// <see cref="CitationStyle"/> says, its title otherwise; a past reply's link never, as it opens another customer's
/// ticket), then the quoted sentences.
/// </summary>
public static class OfflineAnswerText
{
    public static string Render(IReadOnlyList<QuotedSource> quotes, CitationStyle style) =>
        string.Join("\n\n", quotes.Select(q => $"{Name(q.Source, style)}:\n“{string.Join(" ", q.Sentences)}”"));

    private static string Name(KnowledgeHit source, CitationStyle style) =>
        source.Kind is SourceKind.Article or SourceKind.Document && style == CitationStyle.Link && source.Url is { Length: > 0 } url
            ? $"{source.Title} ({url})"
            : source.Title;
}
