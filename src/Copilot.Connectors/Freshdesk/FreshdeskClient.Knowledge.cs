using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

/// <summary>
/// Knowledge from Freshdesk's solutions: categories → folders (and their subfolders) → articles, in the primary
/// language and in each language the portal shows. Freshdesk has no export of changes, so an incremental read
/// walks the same tree and keeps what changed; one client walks it once, and later pages of the same sync are
/// answered from that walk. Folders only agents can see are left out: the copilot links articles for customers.
/// </summary>
public sealed partial class FreshdeskClient
{
    private const int AgentsOnly = 3;
    private const int MaxFolderDepth = 5;

    private Task<List<HelpdeskArticle>>? _walk;

    /// <summary>Every published article, one per language it is published in.</summary>
    public async Task<IReadOnlyList<HelpdeskArticle>> GetArticlesAsync(CancellationToken cancellationToken) =>
        (await WalkAsync(cancellationToken)).Where(a => !a.Draft).ToList();

    /// <summary>Articles updated at or after <paramref name="since"/>, drafts included (they leave the index).</summary>
    public async Task<ArticleChanges> GetArticleChangesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var changed = (await WalkAsync(cancellationToken)).Where(a => a.UpdatedAt >= since).OrderBy(a => a.UpdatedAt).ToList();
        return new ArticleChanges(changed, changed.Count > 0 ? changed[^1].UpdatedAt : since);
    }

    private Task<List<HelpdeskArticle>> WalkAsync(CancellationToken cancellationToken) => _walk ??= WalkSolutionsAsync(cancellationToken);

    private async Task<List<HelpdeskArticle>> WalkSolutionsAsync(CancellationToken cancellationToken)
    {
        var (primary, others) = await LanguagesAsync(cancellationToken);
        var categories = await ReadAllAsync<FdCategory>((api, page, ct) => api.GetCategoriesAsync(page, ct), notFoundIsNull: false, bulk: true, cancellationToken) ?? [];
        var articles = new List<HelpdeskArticle>();
        foreach (var category in categories)
        {
            var top = await ReadAllAsync<FdFolder>((api, page, ct) => api.GetFoldersAsync(category.Id, page, ct), notFoundIsNull: true, bulk: true, cancellationToken) ?? [];
            foreach (var folder in await WithSubfoldersAsync(top, cancellationToken))
            {
                var inPrimary = await ReadAllAsync<FdArticle>((api, page, ct) => api.GetArticlesAsync(folder.Id, page, ct), notFoundIsNull: true, bulk: true, cancellationToken) ?? [];
                articles.AddRange(inPrimary.Select(a => FreshdeskMapping.Article(a, primary, primary: true, _portal)));
                foreach (var language in others)
                {
                    var translated = await ReadAllAsync<FdArticle>((api, page, ct) => api.GetTranslatedArticlesAsync(folder.Id, language, page, ct),
                        notFoundIsNull: true, bulk: true, cancellationToken) ?? [];
                    articles.AddRange(translated.Select(a => FreshdeskMapping.Article(a, language, primary: false, _portal)));
                }
            }
        }
        return articles.DistinctBy(a => a.Id).ToList();
    }

    /// <summary>The folders customers can see, each followed by its subfolders (a few levels deep).</summary>
    private async Task<List<FdFolder>> WithSubfoldersAsync(List<FdFolder> top, CancellationToken cancellationToken)
    {
        var folders = new List<FdFolder>();
        var queue = new Queue<(FdFolder Folder, int Depth)>(top.Select(f => (f, 0)));
        while (queue.TryDequeue(out var next))
        {
            var (folder, depth) = next;
            if (folder.Visibility == AgentsOnly || folders.Any(f => f.Id == folder.Id))
            {
                continue;
            }
            folders.Add(folder);
            if (folder.SubFoldersCount > 0 && depth < MaxFolderDepth)
            {
                var subfolders = await ReadAllAsync<FdFolder>((api, page, ct) => api.GetSubfoldersAsync(folder.Id, page, ct), notFoundIsNull: true, bulk: true, cancellationToken) ?? [];
                foreach (var subfolder in subfolders)
                {
                    queue.Enqueue((subfolder, depth + 1));
                }
            }
        }
        return folders;
    }

    /// <summary>The primary language, and the others the portal shows (else the supported ones), as lower-case codes.</summary>
    private async Task<(string Primary, List<string> Others)> LanguagesAsync(CancellationToken cancellationToken)
    {
        var settings = await PacedAsync(true, () => _transport.GetAsync((api, ct) => api.GetSettingsAsync(ct), notFoundIsNull: true, cancellationToken), cancellationToken);
        var primary = Language(settings?.PrimaryLanguage) ?? Language(_options.FallbackLanguage)!;
        var others = (settings?.PortalLanguages ?? settings?.SupportedLanguages ?? [])
            .Select(Language).OfType<string>().Where(l => l != primary).Distinct().ToList();
        return (primary, others);
    }

    private static string? Language(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToLowerInvariant();
}
