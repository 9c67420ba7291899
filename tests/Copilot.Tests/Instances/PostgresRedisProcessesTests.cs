using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Instances;

/// <summary>
/// The API as two processes of its own on one PostgreSQL and one Redis, as several instances are deployed behind a load
/// balancer (<c>docs/deploy.md</c>): under a mixed load spread across both nothing acknowledged is lost or counted twice,
/// and what they share — analytics, the assist cache, token ids, single flight, the sync — is shared.
/// </summary>
public sealed partial class PostgresRedisProcessesTests(PostgresRedisProcesses shared) : IClassFixture<PostgresRedisProcesses>
{
    private static readonly long[] Tickets = [101, 102, 103, 104, 105, 106, 107, 108, 109, 110];

    [Fact]
    public async Task UnderAMixedLoadAcrossBothEveryEventIsStoredOnceAndCacheTokensSingleFlightAndSyncAreShared()
    {
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        var database = await PostgresRedisProcesses.DatabaseAsync();
        using var syncs = new SyncWatch(zendesk);
        var (a, b) = await PostgresRedisProcesses.StartTwoAsync(shared.Settings(zendesk, database, syncIntervalMinutes: 1));
        await using var _ = a;
        await using var __ = b;
        HttpClient On(int i) => i % 2 == 0 ? a.Client : b.Client;

        // A few hundred requests at once, spread across both: assists, drafts and feedback on the drafts (every tenth event
        // sent to both instances at once, as a retry after a lost answer would be).
        var suggestions = new ConcurrentBag<string>((await Task.WhenAll(PostgresRedisProcesses.Drafted.Select((t, i) => PostgresRedisProcesses.DraftAsync(On(i), t))))
            .Select(id => id ?? throw new InvalidOperationException("A drafted ticket got no draft.")));
        var sent = new ConcurrentDictionary<string, byte>();
        var acknowledged = new ConcurrentDictionary<string, byte>();
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var ticket = Tickets[i % Tickets.Length];
            switch (i % 5)
            {
                case 0 or 1:
                    using (var response = await TwoInstances.AssistAsync(On(i), ticket))
                    {
                        Check(response.StatusCode, $"assist {ticket}");
                    }
                    break;
                case 2:
                    try
                    {
                        if (await PostgresRedisProcesses.DraftAsync(On(i), ticket, agent: $"{2001 + i % 7}") is { } drafted)
                        {
                            suggestions.Add(drafted);
                        }
                    }
                    catch (Xunit.Sdk.XunitException e)
                    {
                        failures.Add(e.Message);
                    }
                    break;
                default:
                    var eventId = $"load-{i}";
                    var suggestion = suggestions.ElementAt(i % suggestions.Count);
                    sent[eventId] = 0;
                    var answers = await Task.WhenAll(new[] { i, i + 1 }.Take(i % 10 == 3 ? 2 : 1)
                        .Select(n => PostgresRedisProcesses.FeedbackAsync(On(n), suggestion, eventId, i)));
                    foreach (var status in answers)
                    {
                        Check(status, $"feedback {eventId}");
                        acknowledged[eventId] = 0;
                    }
                    break;
            }
        });
        void Check(HttpStatusCode status, string what)
        {
            if ((int)status is < 200 or > 299)
            {
                failures.Add($"{what}: {(int)status}");
            }
        }

        Assert.True(failures.IsEmpty, $"{string.Join("; ", failures)}\nA: {a.Output}\nB: {b.Output}");
        Assert.Equal(120, acknowledged.Count);
        var stored = await PostgresRedisProcesses.StoredEventsAsync(database);
        Assert.Equal(acknowledged.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        Assert.All(stored, s => Assert.Equal(1, s.Value));

        // Analytics are the store's: the same answer whichever instance gives it.
        var today = DateTime.UtcNow.Date;
        foreach (var path in new[] { "summary", "summary?groupBy=kind", "weekly" })
        {
            var query = $"/api/analytics/{path}{(path.Contains('?') ? '&' : '?')}tenant=acme&from={today.AddDays(-7):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
            var fromA = await AdminGetAsync(a, query);
            Assert.Equal(fromA, await AdminGetAsync(b, query));
            Assert.Contains("\"accepted\"", fromA);
        }

        // A token id used on one instance is refused on the other.
        var token = CopilotTestHost.MintToken();
        using (var first = await a.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: token)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        using (var replayed = await b.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: token)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        }

        // Twenty concurrent cold opens of one ticket, half on each instance, while the helpdesk is slow: one read of it
        // (its ticket and its comments: two calls).
        zendesk.Latency = TimeSpan.FromMilliseconds(400);
        var opens = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await TwoInstances.AssistAsync(On(i), 123);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("assistId").GetString();
        }));
        zendesk.Latency = TimeSpan.Zero;
        Assert.Single(opens.Distinct());
        Assert.Equal(2, zendesk.Requests.Count(r => r.Path is "/api/v2/tickets/123" or "/api/v2/tickets/123.json" or "/api/v2/tickets/123/comments"
            or "/api/v2/tickets/123/comments.json"));

        // A comment webhook taken by A reaches B's cached summary within a second (once through first, so that what is
        // measured is the path, not its first run in each process).
        await TwoInstances.CommentReachesOtherAsync(zendesk, a.Client, b.Client, 122);
        var (elapsed, _, after, comment) = await TwoInstances.CommentReachesOtherAsync(zendesk, a.Client, b.Client, 149);
        Assert.Equal(comment, after.GetProperty("latestCommentId").GetInt64());
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"B showed the new thread {elapsed.TotalMilliseconds:0} ms after A took the webhook.");

        // Both instances look every second whether the tenant is due; across both it is synced once per interval (a minute).
        var runs = await syncs.WaitForAsync(2, TimeSpan.FromSeconds(150));
        Assert.True(runs[1] - runs[0] >= TimeSpan.FromSeconds(58), $"Syncs began {(runs[1] - runs[0]).TotalSeconds:0.0} s apart, inside one interval.");
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a second instance's run of the same interval to show
        Assert.Equal(2, syncs.Count);
    }

    private static async Task<string> AdminGetAsync(ApiProcess instance, string path)
    {
        using var response = await instance.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>
    /// When each knowledge sync began, as the fake Zendesk saw it: every sync, full or incremental, reads the active
    /// macros from their first page once (<c>KnowledgeSync</c>), and nothing else does.
    /// </summary>
    private sealed class SyncWatch : IDisposable
    {
        private readonly List<TimeSpan> _starts = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _watching;

        public SyncWatch(FakeZendesk zendesk)
        {
            var clock = Stopwatch.StartNew();
            _watching = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var seen = zendesk.Requests.Count(r => r.Path == "/api/v2/macros/active" && !r.Query.Contains("page=", StringComparison.Ordinal));
                    lock (_starts)
                    {
                        while (_starts.Count < seen)
                        {
                            _starts.Add(clock.Elapsed);
                        }
                    }
                    await Task.Delay(50);
                }
            });
        }

        public int Count
        {
            get
            {
                lock (_starts)
                {
                    return _starts.Count;
                }
            }
        }

        public async Task<List<TimeSpan>> WaitForAsync(int count, TimeSpan limit)
        {
            var waited = Stopwatch.StartNew();
            while (Count < count)
            {
                Assert.True(waited.Elapsed < limit, $"{Count} syncs after {limit.TotalSeconds:0} s.");
                await Task.Delay(100);
            }
            lock (_starts)
            {
                return [.. _starts];
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _watching.Wait();
            _stop.Dispose();
        }
    }
}
