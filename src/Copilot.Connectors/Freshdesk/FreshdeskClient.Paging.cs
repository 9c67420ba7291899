using Copilot.Connectors.Helpdesk;
using Refit;

namespace Copilot.Connectors.Freshdesk;

public sealed partial class FreshdeskClient
{
    /// <summary>Freshdesk's largest page.</summary>
    internal const int PageSize = 100;

    /// <summary>A guard against a bulk read that is held again and again.</summary>
    private const int MaxBulkWaits = 100;

    private static Dictionary<string, string> FirstPage(params (string Key, string Value)[] query)
    {
        var page = new Dictionary<string, string>(StringComparer.Ordinal) { ["per_page"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in query)
        {
            page[key] = value;
        }
        return page;
    }

    /// <summary>
    /// Every page of a list, following the <c>Link</c> header's <c>rel="next"</c>; null when the first page is a 404
    /// and <paramref name="notFoundIsNull"/>. A <paramref name="bulk"/> read waits out holds of the account's rate budget.
    /// Stops early once <paramref name="enough"/> says so of what was read.
    /// </summary>
    private async Task<List<T>?> ReadAllAsync<T>(
        Func<IFreshdeskApi, IDictionary<string, string>, CancellationToken, Task<IApiResponse<List<T>>>> call,
        bool notFoundIsNull, bool bulk, CancellationToken cancellationToken, Dictionary<string, string>? first = null, Func<List<T>, bool>? enough = null)
    {
        var items = new List<T>();
        IDictionary<string, string>? next = first ?? FirstPage();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; next is not null && page < HelpdeskPaging.MaxPages && seen.Add(HelpdeskPaging.Key(next)); page++)
        {
            var query = next;
            var missingIsNull = notFoundIsNull && page == 0;
            var (body, link) = await PacedAsync(bulk, () => _transport.GetPageAsync((api, ct) => call(api, query, ct), missingIsNull, cancellationToken), cancellationToken);
            if (body is null)
            {
                return page == 0 ? null : items;
            }
            items.AddRange(body);
            next = body.Count > 0 && enough?.Invoke(items) != true ? HelpdeskPaging.NextPage(link) : null;
        }
        return items;
    }

    /// <summary>
    /// Runs a call; for a bulk read, a hold on the account — our rate budget spent, or Freshdesk's 429 — that ends
    /// within <see cref="FreshdeskClientOptions.BulkMaxWait"/> is waited out (on the clock) and the call made again:
    /// a sync slows down rather than fail or spend the account's reserve.
    /// </summary>
    private async Task<T> PacedAsync<T>(bool bulk, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var waits = 0; ; waits++)
        {
            try
            {
                return await call();
            }
            catch (HelpdeskException e) when (bulk && (e.NotSent || e.IsRateLimited) && e.RetryAfter is { } wait
                && wait <= _options.BulkMaxWait && waits < MaxBulkWaits)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }
        }
    }
}
