using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Copilot.Fakes.Zendesk;

/// <summary>Zendesk's two paging styles: cursor (page[size], page[after]; meta + links) and offset (per_page, page; next_page).</summary>
internal static class FakeZendeskPaging
{
    public const int MaxPageSize = 100;

    /// <summary>Zendesk's 400 for a <c>page[after]</c> it did not issue, as its OpenAPI description gives it for cursor lists.</summary>
    public static IResult InvalidCursor() => Results.Text(
        """{"errors":[{"code":"InvalidPaginationParameter","title":"page[after] is not valid"}]}""",
        "application/json; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>
    /// One page of a list that pages both ways: by cursor when the request asks for it (<c>page[size]</c> or
    /// <c>page[after]</c>), else by offset (<paramref name="offsetSize"/> unless <c>per_page</c> says); null when
    /// <c>page[after]</c> is not a cursor this account issued (answer <see cref="InvalidCursor"/>).
    /// </summary>
    public static (List<T> Page, Dictionary<string, object?> Paging)? Page<T>(HttpRequest request, IReadOnlyList<T> all, int offsetSize) =>
        request.Query.ContainsKey("page[size]") || request.Query.ContainsKey("page[after]")
            ? Cursor(request, all)
            : Offset(request, all, offsetSize);

    /// <summary>One cursor page: the items and the fields Zendesk adds around them; null when the cursor is not one of ours.</summary>
    private static (List<T> Page, Dictionary<string, object?> Paging)? Cursor<T>(HttpRequest request, IReadOnlyList<T> all)
    {
        if (!TryDecode(request.Query["page[after]"], out var start))
        {
            return null;
        }
        var size = Size(request.Query["page[size]"], MaxPageSize);
        var page = all.Skip(start).Take(size).ToList();
        var end = start + page.Count;
        var hasMore = end < all.Count;
        var after = page.Count > 0 ? Encode(end) : null;
        var before = page.Count > 0 ? Encode(start) : null;
        var paging = new Dictionary<string, object?>
        {
            ["meta"] = new Dictionary<string, object?> { ["has_more"] = hasMore, ["after_cursor"] = after, ["before_cursor"] = before },
            ["links"] = new Dictionary<string, object?>
            {
                ["next"] = hasMore ? Link(request, ("page[after]", after!), ("page[size]", size.ToString(CultureInfo.InvariantCulture))) : null,
                ["prev"] = start > 0 ? Link(request, ("page[before]", before!), ("page[size]", size.ToString(CultureInfo.InvariantCulture))) : null,
            },
        };
        return (page, paging);
    }

    /// <summary>One offset page: the items plus next_page, previous_page and count.</summary>
    public static (List<T> Page, Dictionary<string, object?> Paging) Offset<T>(HttpRequest request, IReadOnlyList<T> all, int defaultSize)
    {
        var size = Size(request.Query["per_page"], defaultSize);
        var number = int.TryParse(request.Query["page"], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var page = all.Skip((number - 1) * size).Take(size).ToList();
        var more = number * size < all.Count;
        var paging = new Dictionary<string, object?>
        {
            ["next_page"] = more ? Link(request, ("page", (number + 1).ToString(CultureInfo.InvariantCulture)), ("per_page", size.ToString(CultureInfo.InvariantCulture))) : null,
            ["previous_page"] = number > 1 ? Link(request, ("page", (number - 1).ToString(CultureInfo.InvariantCulture)), ("per_page", size.ToString(CultureInfo.InvariantCulture))) : null,
            ["count"] = all.Count,
            ["page"] = number,
            ["per_page"] = size,
            ["page_count"] = Math.Max(1, (all.Count + size - 1) / size),
        };
        return (page, paging);
    }

    private static int Size(string? value, int fallback) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var size) && size > 0 ? Math.Min(size, MaxPageSize) : Math.Min(fallback, MaxPageSize);

    /// <summary>The same request with some query parameters replaced, as an absolute URL.</summary>
    private static string Link(HttpRequest request, params (string Key, string Value)[] replace)
    {
        var query = new QueryBuilder();
        var keys = replace.Select(r => r.Key).ToHashSet();
        foreach (var (key, values) in request.Query)
        {
            if (!keys.Contains(key) && key is not ("page[after]" or "page[before]" or "page"))
            {
                foreach (var value in values)
                {
                    query.Add(key, value ?? "");
                }
            }
        }
        foreach (var (key, value) in replace)
        {
            query.Add(key, value);
        }
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{query.ToQueryString()}";
    }

    private static string Encode(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes("i" + index.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The index a cursor of <see cref="Encode"/> starts at; no cursor starts at the first item.</summary>
    private static bool TryDecode(string? cursor, out int index)
    {
        index = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith('i') && int.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out index);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
