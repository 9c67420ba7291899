using System.Globalization;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

public sealed partial class ZendeskClient
{
    public async Task<IReadOnlyList<HelpdeskArticle>> GetArticlesAsync(CancellationToken cancellationToken)
    {
        var articles = new List<HelpdeskArticle>();
        foreach (var locale in await GetLocalesAsync(cancellationToken))
        {
            var first = new Dictionary<string, string> { ["per_page"] = PageSize.ToString(CultureInfo.InvariantCulture) };
            var (page, _) = await GetArticlePagesAsync(locale, locale, first, cancellationToken);
            articles.AddRange(page.Where(a => !a.Draft));
        }
        return articles.DistinctBy(a => (a.Id, a.Locale)).ToList();
    }

    /// <summary>
    /// Zendesk's incremental article export (<c>/api/v2/help_center/incremental/articles?start_time=</c>, agents only): the
    /// articles of every locale changed since then, and the export's end time as the next start.
    /// </summary>
    public async Task<ArticleChanges> GetArticleChangesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var start = since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var (changed, endTime) = await GetArticlePagesAsync(IncrementalPath, _options.FallbackLocale, new Dictionary<string, string> { ["start_time"] = start }, cancellationToken);
        var reached = endTime is { } end ? DateTimeOffset.FromUnixTimeSeconds(end)
            : changed.Count > 0 ? changed.Max(a => a.UpdatedAt) : since;
        return new ArticleChanges(changed.DistinctBy(a => (a.Id, a.Locale)).ToList(), reached > since ? reached : since);
    }

    /// <summary>The Help Center path segment that stands where a locale would for the incremental export.</summary>
    private const string IncrementalPath = "incremental";

    public async Task<IReadOnlyList<HelpdeskMacro>> GetMacrosAsync(CancellationToken cancellationToken)
    {
        var macros = new List<HelpdeskMacro>();
        IDictionary<string, string>? next = new Dictionary<string, string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; next is not null && page < MaxPages && seen.Add(HelpdeskPaging.Key(next)); page++)
        {
            var query = next;
            var response = await _transport.GetAsync((api, ct) => api.GetActiveMacrosAsync(query, ct), notFoundIsNull: false, cancellationToken);
            macros.AddRange((response?.Macros ?? []).Where(m => m.Active).Select(ZendeskMapping.Macro));
            next = response?.Macros is { Count: > 0 } ? HelpdeskPaging.NextPage(response.NextPage) : null;
        }
        return macros.DistinctBy(m => m.Id).ToList();
    }

    /// <summary>The Help Center's enabled locales, default first.</summary>
    private async Task<IReadOnlyList<string>> GetLocalesAsync(CancellationToken cancellationToken)
    {
        var response = await _transport.GetAsync((api, ct) => api.GetLocalesAsync(ct), notFoundIsNull: true, cancellationToken);
        var locales = new List<string>();
        if (!string.IsNullOrWhiteSpace(response?.DefaultLocale))
        {
            locales.Add(response.DefaultLocale);
        }
        locales.AddRange((response?.Locales ?? []).Where(l => !string.IsNullOrWhiteSpace(l)));
        if (locales.Count == 0)
        {
            locales.Add(_options.FallbackLocale);
        }
        return locales.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// All pages of an article list (offset <c>next_page</c> or cursor <c>links.next</c>), and the last page's end_time;
    /// <paramref name="path"/> is a locale or the incremental export, <paramref name="locale"/> the locale of an article that names none.
    /// </summary>
    private async Task<(List<HelpdeskArticle> Articles, long? EndTime)> GetArticlePagesAsync(
        string path, string locale, IDictionary<string, string> first, CancellationToken cancellationToken)
    {
        var articles = new List<HelpdeskArticle>();
        long? endTime = null;
        IDictionary<string, string>? next = first;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; next is not null && page < MaxPages && seen.Add(HelpdeskPaging.Key(next)); page++)
        {
            var query = next;
            var response = await _transport.GetAsync((api, ct) => api.GetArticlesAsync(path, query, ct), notFoundIsNull: page == 0, cancellationToken);
            if (response is null)
            {
                break;
            }
            articles.AddRange((response.Articles ?? []).Select(a => ZendeskMapping.Article(a, locale)));
            endTime = response.EndTime ?? endTime;
            next = response.Articles is not { Count: > 0 } ? null
                : response.Meta is { } meta ? (meta.HasMore ? HelpdeskPaging.NextPage(response.Links?.Next) : null)
                : HelpdeskPaging.NextPage(response.NextPage);
        }
        return (articles, endTime);
    }
}
