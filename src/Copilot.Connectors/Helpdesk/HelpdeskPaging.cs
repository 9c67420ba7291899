using Microsoft.AspNetCore.WebUtilities;

namespace Copilot.Connectors.Helpdesk;

/// <summary>Following a helpdesk's paging links through the same declared endpoint.</summary>
internal static class HelpdeskPaging
{
    /// <summary>A guard against paging links that never end.</summary>
    public const int MaxPages = 200;

    /// <summary>
    /// The query of a paging link the helpdesk sent, to ask the same endpoint for the next page; null when
    /// there is none. Only the query is kept, so a link can never send a call (and its credentials) elsewhere.
    /// </summary>
    public static IDictionary<string, string>? NextPage(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(link, UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }
        var query = uri.IsAbsoluteUri ? uri.Query : link.Contains('?', StringComparison.Ordinal) ? link[link.IndexOf('?', StringComparison.Ordinal)..] : "";
        var parsed = QueryHelpers.ParseQuery(query);
        return parsed.Count == 0 ? null : parsed.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>A page's query as one string, to notice a paging link that points back at a page already read.</summary>
    public static string Key(IDictionary<string, string> query) =>
        string.Join('&', query.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
