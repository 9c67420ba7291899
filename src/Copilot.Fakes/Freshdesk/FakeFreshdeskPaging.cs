using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Copilot.Fakes.Freshdesk;

/// <summary>Freshdesk's paging: <c>page</c> (from 1) and <c>per_page</c> (30 by default, at most 100), and a
/// <c>Link: &lt;…&gt;; rel="next"</c> header while more remain.</summary>
internal static class FakeFreshdeskPaging
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 100;

    /// <returns>The page, or null when <c>page</c> or <c>per_page</c> is not a positive number (Freshdesk answers 400).</returns>
    public static List<T>? Page<T>(HttpContext http, IReadOnlyList<T> all)
    {
        var query = http.Request.Query;
        if (!Positive(query["page"], 1, out var number) || !Positive(query["per_page"], DefaultPageSize, out var size))
        {
            return null;
        }
        size = Math.Min(size, MaxPageSize);
        var page = all.Skip((number - 1) * size).Take(size).ToList();
        if (number * size < all.Count)
        {
            http.Response.Headers.Link = $"<{Next(http.Request, number + 1, size)}>; rel=\"next\"";
        }
        return page;
    }

    private static bool Positive(string? value, int fallback, out int number)
    {
        if (string.IsNullOrEmpty(value))
        {
            number = fallback;
            return true;
        }
        return int.TryParse(value, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    /// <summary>The same request for another page, as an absolute URL.</summary>
    private static string Next(HttpRequest request, int page, int size)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (key is not ("page" or "per_page"))
            {
                foreach (var value in values)
                {
                    query.Add(key, value ?? "");
                }
            }
        }
        query.Add("page", page.ToString(CultureInfo.InvariantCulture));
        query.Add("per_page", size.ToString(CultureInfo.InvariantCulture));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{query.ToQueryString()}";
    }
}
