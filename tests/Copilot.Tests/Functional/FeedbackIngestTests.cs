using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Feedback;
using Copilot.Api.Store;
using Copilot.Tests.Analytics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Functional;

/// <summary>
/// Feedback from many agents at once, over HTTP: events are group-committed, each request answered only
/// once its event is committed. The store's write queue is held while requests arrive, so the tests see
/// exactly which requests share a batch.
/// </summary>
public sealed class FeedbackIngestTests : IAsyncLifetime
{
    private static readonly string[] Reasons = ["wrong-facts", "wrong-tone", "outdated-article", "missing-context", "policy", "other"];
    private AnalyticsHost _host = null!;

    public async Task InitializeAsync() => _host = await AnalyticsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private FeedbackStore Store => _host.Services.GetRequiredService<FeedbackStore>();

    [Fact]
    public async Task SixtyFourConcurrentEventsAreAnsweredOnlyOnceCommittedAndStoredExactlyOnce()
    {
        var suggestions = await SuggestionsAsync("c", 64);
        var events = suggestions.Select((id, i) => Event(id, $"ev-c{i}", i)).ToArray();

        var posts = await WhileWritesAreHeldAsync(() => events.Select(PostAsync).ToArray(), queued: 64, hold =>
        {
            Assert.All(hold, p => Assert.False(p.IsCompleted, "no request is answered before its event is committed"));
            return Task.CompletedTask;
        });

        Assert.All(posts, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.InRange(Store.Commits.Written.Batches, 1, 2);
        Assert.Equal(64, await ScalarAsync("SELECT count(DISTINCT event_id) FROM feedback"));
        // Every agent retries at once: each event counts once, and each request learns it was a repeat.
        var retries = await Task.WhenAll(events.Select(PostAsync));
        Assert.All(retries, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(retries, r => Assert.True(r.Body.GetProperty("duplicate").GetBoolean()));
        Assert.Equal(64, await ScalarAsync("SELECT count(*) FROM feedback"));
        await AssertRollupsEqualARawScanAsync();
    }

    [Fact]
    public async Task ABadEventAmongConcurrentGoodOnesGetsItsOwnProblemAndTheOthersAreStored()
    {
        var suggestions = await SuggestionsAsync("b", 34);
        var good = suggestions.Take(32).Select((id, i) => Event(id, $"ev-b{i}", i)).ToList();
        // The same event id sent for two suggestions at once: whichever is written first counts, the other conflicts.
        var twice = new[] { Event(suggestions[32], "ev-shared", 0), Event(suggestions[33], "ev-shared", 0) };
        // Judged without the suggestion's text: the store finds it is not the tenant's as it writes the batch.
        var unknown = ("sg_unknown", (object)new { eventId = "ev-bad-unknown", outcome = "accepted" });
        var refused = new[]
        {
            (Body: (object)new { eventId = "ev-bad1", outcome = "maybe" }, Suggestion: suggestions[0], Status: HttpStatusCode.BadRequest),
            (Body: new { eventId = "ev-bad2", outcome = "rejected" }, Suggestion: suggestions[1], Status: HttpStatusCode.BadRequest),
            (Body: new { eventId = "ev-bad3", outcome = "edited", finalText = "Sent anyway." }, Suggestion: "sg_unknown", Status: HttpStatusCode.NotFound),
        };

        var posts = await WhileWritesAreHeldAsync(() => [.. good.Concat(twice).Append(unknown).Select(PostAsync)], queued: 35, async _ =>
        {
            // Answered while the good ones still wait for their batch: an invalid event never joins one.
            foreach (var (body, suggestion, status) in refused)
            {
                var answer = await PostAsync((suggestion, body));
                Assert.Equal(status, answer.Status);
                Assert.Equal("application/problem+json", answer.MediaType);
            }
        });

        Assert.All(posts.Take(32), r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], posts.Skip(32).Take(2).Select(r => r.Status).Order());
        var winner = posts.Skip(32).Take(2).Select((r, i) => (r.Status, Suggestion: twice[i].Suggestion)).Single(r => r.Status == HttpStatusCode.Created);
        Assert.Equal(winner.Suggestion, await TextAsync("SELECT suggestion_id FROM feedback WHERE event_id = 'ev-shared'"));
        Assert.Equal(HttpStatusCode.NotFound, posts[34].Status);
        Assert.Equal("application/problem+json", posts[34].MediaType);
        Assert.Equal(32, await ScalarAsync("SELECT count(*) FROM feedback WHERE event_id GLOB 'ev-b[0-9]*'"));
        Assert.Equal(33, await ScalarAsync("SELECT count(*) FROM feedback"));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM feedback WHERE event_id LIKE 'ev-bad%'"));
        await AssertRollupsEqualARawScanAsync();
    }

    [Fact]
    public async Task AStoreFailureAnswersItsWholeBatchWith503AndKeepsNothingOfIt()
    {
        var suggestions = await SuggestionsAsync("f", 12);
        await ExecuteAsync("""
            CREATE TRIGGER test_store_failure BEFORE INSERT ON feedback WHEN NEW.comment = 'fail the batch'
            BEGIN SELECT RAISE(ABORT, 'injected store failure'); END
            """);
        var opener = Event(suggestions[0], "ev-f-open", 0);
        var batch = suggestions.Skip(1).Take(10).Select((id, i) => Event(id, $"ev-f{i}", i)).ToList();
        var poison = (suggestions[11], (object)new { eventId = "ev-f-poison", outcome = "rejected", reason = "other", comment = "fail the batch" });

        Task<Answer> first = null!;
        var posts = await WhileWritesAreHeldAsync(async () =>
        {
            // The opener is taken into a batch of its own before the others arrive.
            first = PostAsync(opener);
            await UntilAsync(() => Store.Commits.Backlog == (0, 1));
            return [.. batch.Select(PostAsync), PostAsync(poison)];
        }, queued: 12, _ => Task.CompletedTask);

        Assert.Equal(HttpStatusCode.Created, (await first).Status);
        Assert.All(posts, r =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status);
            Assert.Equal("application/problem+json", r.MediaType);
            Assert.NotNull(r.RetryAfter);
        });
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM feedback"));
        await AssertRollupsEqualARawScanAsync();

        // The store recovers; the same events sent again are new to it: nothing of the failed batch was kept.
        await ExecuteAsync("DROP TRIGGER test_store_failure");
        var retried = await Task.WhenAll(batch.Select(PostAsync));
        Assert.All(retried, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        await AssertRollupsEqualARawScanAsync();
    }

    private sealed record Answer(HttpStatusCode Status, string? MediaType, TimeSpan? RetryAfter, JsonElement Body);

    /// <summary>The sidebar's events: accepted, edited (with the text sent) and rejected (with a reason) in turn.</summary>
    private static (string Suggestion, object Body) Event(string suggestion, string eventId, int i) => (suggestion, (i % 3) switch
    {
        0 => (object)new { eventId, outcome = "accepted" },
        1 => new { eventId, outcome = "edited", finalText = $"Suggested reply number {i}, with a few words the agent added." },
        _ => new { eventId, outcome = "rejected", reason = Reasons[i % Reasons.Length] },
    });

    private async Task<Answer> PostAsync((string Suggestion, object Body) e)
    {
        using var request = _host.AsSession($"/api/suggestions/{e.Suggestion}/feedback", "acme", "agent");
        request.Method = HttpMethod.Post;
        request.Content = JsonContent.Create(e.Body);
        using var response = await _host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta,
            text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>
    /// Holds the store's write queue, sends the requests, waits until <paramref name="queued"/> events wait for
    /// the feedback writer, runs <paramref name="whileHeld"/>, then lets the writes go and returns the answers.
    /// </summary>
    private async Task<Answer[]> WhileWritesAreHeldAsync(Func<Task<Task<Answer>[]>> send, int queued, Func<Task<Answer>[], Task> whileHeld)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = _host.Db.WriteAsync(async _ =>
        {
            held.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None);
        await held.Task;
        Task<Answer>[] posts;
        try
        {
            posts = await send();
            await UntilAsync(() => Store.Commits.Backlog.Queued + Store.Commits.Backlog.Writing >= queued);
            await whileHeld(posts);
        }
        finally
        {
            release.SetResult();
            await holding;
        }
        return await Task.WhenAll(posts);
    }

    private Task<Answer[]> WhileWritesAreHeldAsync(Func<Task<Answer>[]> send, int queued, Func<Task<Answer>[], Task> whileHeld) =>
        WhileWritesAreHeldAsync(() => Task.FromResult(send()), queued, whileHeld);

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 3_000 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition(), "the feedback writer never saw the expected requests");
    }

    /// <summary>Distinct suggestions, one per event as in real use, of every kind in turn.</summary>
    private async Task<string[]> SuggestionsAsync(string prefix, int count)
    {
        var seed = new Seed(_host.Db);
        var kinds = new[] { "draft", "summary", "articles", "macros", "rewrite", "triage" };
        var ids = Enumerable.Range(0, count).Select(i => $"sg_{prefix}{i}").ToArray();
        for (var i = 0; i < count; i++)
        {
            await seed.SuggestionAsync(ids[i], 1000 + i, kinds[i % kinds.Length], "7", $"intent-{i % 4}",
                DateTimeOffset.UtcNow.AddMinutes(-i).UtcDateTime.ToString("O"), text: $"Suggested reply number {i}.");
        }
        return ids;
    }

    /// <summary>The rollups per kind, daily and weekly, against the latest event of each suggestion read from the raw rows.</summary>
    private async Task AssertRollupsEqualARawScanAsync()
    {
        await using var c = await _host.Db.OpenAsync(CancellationToken.None);
        var expected = await RollupScan.FromRawRowsAsync(c);
        Assert.Equal(expected, await RollupScan.FromRollupsAsync(c, "analytics_daily"));
        Assert.Equal(expected, await RollupScan.FromRollupsAsync(c, "analytics_weekly"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var c = await _host.Db.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>(sql);
    }

    private async Task<string?> TextAsync(string sql)
    {
        await using var c = await _host.Db.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<string>(sql);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var c = await _host.Db.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync(sql);
    }
}
