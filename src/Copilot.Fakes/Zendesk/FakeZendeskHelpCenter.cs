using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Copilot.Fakes.Zendesk;

/// <summary>Help Center locales and articles (with start_time as an incremental export), and active macros.</summary>
internal static class FakeZendeskHelpCenter
{
    public static void Map(IEndpointRouteBuilder app, FakeZendeskData data)
    {
        app.MapGet("/api/v2/help_center/locales", (HttpContext http) => Locales(data));
        app.MapGet("/api/v2/help_center/incremental/articles", (HttpContext http) => Articles(http, data, locale: null));
        app.MapGet("/api/v2/help_center/articles", (HttpContext http) => Articles(http, data, locale: null));
        app.MapGet("/api/v2/help_center/{locale}/articles", (HttpContext http, string locale) => Articles(http, data, locale));
        app.MapGet("/api/v2/macros/active", (HttpContext http) => ActiveMacros(http, data));
    }

    private static List<string> EnabledLocales(FakeZendeskData data) =>
        data.Sections.Select(s => s.Locale).Concat(data.Articles.Select(a => a.Locale))
            .Select(l => l.ToLowerInvariant()).Distinct().DefaultIfEmpty("en-us").ToList();

    private static IResult Locales(FakeZendeskData data)
    {
        lock (data.Sync)
        {
            var locales = EnabledLocales(data);
            var fallback = locales.Contains("en-us") ? "en-us" : locales[0];
            return FakeZendeskTickets.Write(new Dictionary<string, object?> { ["locales"] = locales, ["default_locale"] = fallback });
        }
    }

    /// <summary>
    /// Lists a locale's articles (drafts included, as agents see them). The incremental export
    /// (<c>/api/v2/help_center/incremental/articles?start_time=</c>) answers the articles of every locale updated since
    /// then, oldest change first, and end_time; a locale's list takes no start_time (the documented way to ask for
    /// changes is the export), so there it is ignored.
    /// </summary>
    private static IResult Articles(HttpContext http, FakeZendeskData data, string? locale)
    {
        var query = http.Request.Query;
        var incremental = http.Request.Path.StartsWithSegments("/api/v2/help_center/incremental");
        long? start = incremental && long.TryParse(query["start_time"], CultureInfo.InvariantCulture, out var s) ? s : null;
        if (incremental && start is null)
        {
            return Results.Text("""{"error":"InvalidParameter","description":"start_time is required"}""", "application/json; charset=utf-8", statusCode: 400);
        }
        lock (data.Sync)
        {
            if (locale is not null && !EnabledLocales(data).Contains(locale.ToLowerInvariant()))
            {
                return FakeZendeskTickets.Missing();
            }
            IEnumerable<FakeArticle> articles = data.Articles
                .Where(a => locale is null || string.Equals(a.Locale, locale, StringComparison.OrdinalIgnoreCase));
            if (query["label_names"].ToString() is { Length: > 0 } labels)
            {
                var wanted = labels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                articles = articles.Where(a => wanted.All(a.LabelNames.Contains));
            }
            List<FakeArticle> ordered;
            if (start is { } since)
            {
                ordered = articles.Where(a => a.UpdatedAt.ToUnixTimeSeconds() >= since).OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id).ToList();
            }
            else
            {
                var descending = query["sort_order"] == "desc";
                Func<FakeArticle, object> key = query["sort_by"].ToString() switch
                {
                    "title" => a => a.Title,
                    "created_at" => a => a.CreatedAt,
                    "updated_at" => a => a.UpdatedAt,
                    _ => a => a.Id,
                };
                ordered = (descending ? articles.OrderByDescending(key) : articles.OrderBy(key)).ToList();
            }
            if (FakeZendeskPaging.Page(http.Request, ordered, data.ArticlePageSize) is not (var page, var paging))
            {
                return FakeZendeskPaging.InvalidCursor();
            }
            var body = new Dictionary<string, object?>(paging)
            {
                ["articles"] = page.Select(a => FakeZendeskShapes.Article(http.Request, data.Company, a)).ToList(),
            };
            if (start is not null)
            {
                body["end_time"] = page.Count > 0 ? page[^1].UpdatedAt.ToUnixTimeSeconds() : start;
            }
            return FakeZendeskTickets.Write(body);
        }
    }

    private static IResult ActiveMacros(HttpContext http, FakeZendeskData data)
    {
        lock (data.Sync)
        {
            var active = data.Macros.Where(m => m.Active).OrderBy(m => m.Id).ToList();
            var (page, paging) = FakeZendeskPaging.Offset(http.Request, active, data.MacroPageSize);
            return FakeZendeskTickets.Write(new Dictionary<string, object?>(paging)
            {
                ["macros"] = page.Select(m => FakeZendeskShapes.Macro(http.Request, m)).ToList(),
            });
        }
    }
}
