using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Copilot.Fakes.Freshdesk.FakeFreshdeskTickets;

namespace Copilot.Fakes.Freshdesk;

/// <summary>
/// Settings (languages) and solutions: categories → folders (and subfolders) → articles, each in the primary
/// language or, with a language code at the end of the path, in a translation.
/// </summary>
internal static class FakeFreshdeskSolutions
{
    public static void Map(IEndpointRouteBuilder app, FakeFreshdeskData data)
    {
        app.MapGet("/api/v2/settings/helpdesk", () => Settings(data));
        app.MapGet("/api/v2/solutions/categories", (HttpContext http) => Categories(http, data));
        app.MapGet("/api/v2/solutions/categories/{id}/folders", (HttpContext http, string id) => Folders(http, data, Id(id), parent: null));
        app.MapGet("/api/v2/solutions/folders/{id}/subfolders", (HttpContext http, string id) => Folders(http, data, categoryId: null, parent: Id(id) ?? -1));
        app.MapGet("/api/v2/solutions/folders/{id}/articles", (HttpContext http, string id) => Articles(http, data, id, language: null));
        app.MapGet("/api/v2/solutions/folders/{id}/articles/{language}", (HttpContext http, string id, string language) => Articles(http, data, id, language));
        app.MapGet("/api/v2/solutions/articles/{id}", (string id) => Article(data, id, language: null));
        app.MapGet("/api/v2/solutions/articles/{id}/{language}", (string id, string language) => Article(data, id, language));
    }

    private static IResult Settings(FakeFreshdeskData data)
    {
        lock (data.Sync)
        {
            return Write(new Dictionary<string, object?>
            {
                ["primary_language"] = data.Settings.PrimaryLanguage,
                ["supported_languages"] = data.Settings.SupportedLanguages,
                ["portal_languages"] = data.Settings.PortalLanguages,
                ["help_widget_languages"] = data.Settings.PortalLanguages,
            });
        }
    }

    private static IResult Categories(HttpContext http, FakeFreshdeskData data)
    {
        lock (data.Sync)
        {
            var page = FakeFreshdeskPaging.Page(http, data.Categories.OrderBy(c => c.Id).ToList());
            return page is null ? Invalid("page", "It should be a Positive Integer") : Write(page.Select(c => FakeFreshdeskShapes.Stamped(new()
            {
                ["id"] = c.Id,
                ["name"] = c.Name,
                ["description"] = c.Description,
                ["visible_in_portals"] = new[] { 1 },
            })).ToList());
        }
    }

    /// <summary>A category's top folders, or a folder's subfolders.</summary>
    private static IResult Folders(HttpContext http, FakeFreshdeskData data, long? categoryId, long? parent)
    {
        lock (data.Sync)
        {
            var known = parent is { } p ? data.Folders.Any(f => f.Id == p) : data.Categories.Any(c => c.Id == categoryId);
            if (!known)
            {
                return Missing();
            }
            var folders = data.Folders.Where(f => parent is null ? f.CategoryId == categoryId && f.ParentFolderId is null : f.ParentFolderId == parent)
                .OrderBy(f => f.Id).ToList();
            var page = FakeFreshdeskPaging.Page(http, folders);
            return page is null ? Invalid("page", "It should be a Positive Integer") : Write(page.Select(f =>
                FakeFreshdeskShapes.Folder(f, data.Articles.Count(a => a.FolderId == f.Id), data.Folders.Count(s => s.ParentFolderId == f.Id))).ToList());
        }
    }

    /// <summary>A folder's articles (drafts included, as agents see them); in a language, only those translated into it.</summary>
    private static IResult Articles(HttpContext http, FakeFreshdeskData data, string id, string? language)
    {
        lock (data.Sync)
        {
            if (Id(id) is not { } folderId || data.Folders.FirstOrDefault(f => f.Id == folderId) is not { } folder || !Speaks(data, language))
            {
                return Missing();
            }
            var rows = data.Articles.Where(a => a.FolderId == folderId).OrderBy(a => a.Id)
                .Select(a => (Article: a, Translation: language is null ? null : Translation(data, a, language)))
                .Where(x => language is null || x.Translation is not null)
                .ToList();
            var page = FakeFreshdeskPaging.Page(http, rows);
            return page is null ? Invalid("page", "It should be a Positive Integer")
                : Write(page.Select(x => FakeFreshdeskShapes.Article(x.Article, folder.CategoryId, x.Translation)).ToList());
        }
    }

    private static IResult Article(FakeFreshdeskData data, string id, string? language)
    {
        lock (data.Sync)
        {
            if (Id(id) is not { } articleId || data.Articles.FirstOrDefault(a => a.Id == articleId) is not { } article || !Speaks(data, language))
            {
                return Missing();
            }
            var translation = language is null ? null : Translation(data, article, language);
            if (language is not null && translation is null)
            {
                return Missing();
            }
            var categoryId = data.Folders.FirstOrDefault(f => f.Id == article.FolderId)?.CategoryId ?? 0;
            return Write(FakeFreshdeskShapes.Article(article, categoryId, translation));
        }
    }

    /// <summary>The primary language has no translation of its own: the article itself answers.</summary>
    private static FakeFdTranslation? Translation(FakeFreshdeskData data, FakeFdArticle article, string language) =>
        string.Equals(language, data.Settings.PrimaryLanguage, StringComparison.OrdinalIgnoreCase)
            ? new FakeFdTranslation { Language = language, Title = article.Title, Description = article.Description, Status = article.Status, UpdatedAt = article.UpdatedAt }
            : article.Translations.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase));

    private static bool Speaks(FakeFreshdeskData data, string? language) =>
        language is null || string.Equals(language, data.Settings.PrimaryLanguage, StringComparison.OrdinalIgnoreCase)
        || data.Settings.SupportedLanguages.Contains(language, StringComparer.OrdinalIgnoreCase);
}
