using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

public sealed partial class ZendeskClient
{
    public async Task<IReadOnlyList<HelpdeskArticle>> GetArticlesAsync(CancellationToken cancellationToken)
    {
        var articles = new List<HelpdeskArticle>();
        foreach (var locale in await GetLocalesAsync(cancellationToken))
        {
            var (page, _) = await GetArticlePagesAsync($"/api/v2/help_center/{Uri.EscapeDataString(locale)}/articles?per_page={PageSize}", locale, cancellationToken);
            articles.AddRange(page.Where(a => !a.Draft));
        }
        return articles.DistinctBy(a => (a.Id, a.Locale)).ToList();
    }

    public async Task<ArticleChanges> GetArticleChangesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var start = since.ToUnixTimeSeconds();
        var changed = new List<HelpdeskArticle>();
        var nextStart = since;
        foreach (var locale in await GetLocalesAsync(cancellationToken))
        {
            var (page, endTime) = await GetArticlePagesAsync(
                $"/api/v2/help_center/{Uri.EscapeDataString(locale)}/articles?start_time={start}", locale, cancellationToken);
            changed.AddRange(page);
            var reached = endTime is { } end ? DateTimeOffset.FromUnixTimeSeconds(end)
                : page.Count > 0 ? page.Max(a => a.UpdatedAt) : since;
            nextStart = reached > nextStart ? reached : nextStart;
        }
        return new ArticleChanges(changed.DistinctBy(a => (a.Id, a.Locale)).ToList(), nextStart);
    }

    public async Task<IReadOnlyList<HelpdeskMacro>> GetMacrosAsync(CancellationToken cancellationToken)
    {
        var macros = new List<HelpdeskMacro>();
        string? next = "/api/v2/macros/active";
        var seen = new HashSet<string>();
        for (var page = 0; next is not null && page < MaxPages && seen.Add(next); page++)
        {
            var response = await _transport.GetAsync<ZdMacrosResponse>(next, notFoundIsNull: false, cancellationToken);
            macros.AddRange((response?.Macros ?? []).Where(m => m.Active).Select(ZendeskMapping.Macro));
            next = response?.Macros is { Count: > 0 } ? _transport.NextLink(response.NextPage) : null;
        }
        return macros.DistinctBy(m => m.Id).ToList();
    }

    /// <summary>The Help Center's enabled locales, default first.</summary>
    private async Task<IReadOnlyList<string>> GetLocalesAsync(CancellationToken cancellationToken)
    {
        var response = await _transport.GetAsync<ZdLocalesResponse>("/api/v2/help_center/locales", notFoundIsNull: true, cancellationToken);
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

    /// <summary>All pages of an article list (offset <c>next_page</c> or cursor <c>links.next</c>), and the last page's end_time.</summary>
    private async Task<(List<HelpdeskArticle> Articles, long? EndTime)> GetArticlePagesAsync(string first, string locale, CancellationToken cancellationToken)
    {
        var articles = new List<HelpdeskArticle>();
        long? endTime = null;
        string? next = first;
        var seen = new HashSet<string>();
        for (var page = 0; next is not null && page < MaxPages && seen.Add(next); page++)
        {
            var response = await _transport.GetAsync<ZdArticlesResponse>(next, notFoundIsNull: page == 0, cancellationToken);
            if (response is null)
            {
                break;
            }
            articles.AddRange((response.Articles ?? []).Select(a => ZendeskMapping.Article(a, locale)));
            endTime = response.EndTime ?? endTime;
            next = response.Articles is not { Count: > 0 } ? null
                : response.Meta is { } meta ? (meta.HasMore ? _transport.NextLink(response.Links?.Next) : null)
                : _transport.NextLink(response.NextPage);
        }
        return (articles, endTime);
    }
}
