using System.Collections.Concurrent;
using System.Net;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Instances;

public sealed partial class PostgresRedisProcessesTests
{
    /// <summary>
    /// Feedback posted to both instances at once while one of them is killed (SIGKILL: no shutdown, no flush) and
    /// started again, three times. An event answered 2xx is stored, once. An event whose request got no answer (the
    /// instance died under it, or was down) may or may not have been stored — its commit may have landed just before the
    /// kill — but nothing else is stored, nothing twice, and the sidebar's retry of it (same event id) settles it.
    /// </summary>
    [Fact]
    public async Task KillingAnInstanceThreeTimesMidLoadLosesNoAcknowledgedEventAndStoresNoneTwice()
    {
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        var database = await PostgresRedisProcesses.DatabaseAsync();
        var settings = shared.Settings(zendesk, database);
        var (a, b) = await PostgresRedisProcesses.StartTwoAsync(settings);
        var instances = new[] { a, b };
        var killed = new List<ApiProcess>(); // kept until the end: disposing one cancels what a loader still sends it
        try
        {
            var suggestions = (await Task.WhenAll(PostgresRedisProcesses.Drafted.Select((t, i) => PostgresRedisProcesses.DraftAsync(instances[i % 2].Client, t))))
                .Select(id => id ?? throw new InvalidOperationException("A drafted ticket got no draft.")).ToArray();
            var acknowledged = new ConcurrentDictionary<string, int>();
            var unanswered = new ConcurrentDictionary<string, int>();
            var refused = new ConcurrentBag<string>();
            var next = 0;
            using var stop = new CancellationTokenSource();
            var loaders = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref next);
                    var eventId = $"kill-{n}";
                    var target = Volatile.Read(ref instances[n % 2]);
                    try
                    {
                        var status = await PostgresRedisProcesses.FeedbackAsync(target.Client, suggestions[n % suggestions.Length], eventId, n);
                        if ((int)status is >= 200 and <= 299)
                        {
                            acknowledged[eventId] = n % 2;
                        }
                        else
                        {
                            refused.Add($"{eventId}: {(int)status}");
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        unanswered[eventId] = n % 2;
                        await Task.Delay(20);
                    }
                }
            })).ToList();

            for (var round = 0; round < 3; round++)
            {
                var victim = round % 2 == 0 ? 1 : 0;
                var before = acknowledged.Count;
                await FakeClock.WaitForAsync(() => acknowledged.Values.Count(v => v == victim) >= 40 * (round + 1) && acknowledged.Count >= before + 60,
                    "feedback acknowledged by the instance about to be killed");
                await instances[victim].KillAsync();
                killed.Add(instances[victim]);
                Volatile.Write(ref instances[victim], await ApiProcess.StartAsync(settings));
            }
            var last = acknowledged.Count;
            await FakeClock.WaitForAsync(() => acknowledged.Count >= last + 40, "feedback acknowledged after the last restart");
            await stop.CancelAsync();
            await Task.WhenAll(loaders);

            Assert.Empty(refused);
            Assert.NotEmpty(unanswered); // the kills did land mid-load
            var stored = await PostgresRedisProcesses.StoredEventsAsync(database);
            Assert.All(stored, s => Assert.True(s.Value == 1, $"{s.Key} stored {s.Value} times"));
            var lost = acknowledged.Keys.Where(e => !stored.ContainsKey(e)).ToList();
            Assert.True(lost.Count == 0, $"Acknowledged but not stored: {string.Join(", ", lost)}");
            var unexplained = stored.Keys.Where(e => !acknowledged.ContainsKey(e) && !unanswered.ContainsKey(e)).ToList();
            Assert.True(unexplained.Count == 0, $"Stored but never sent: {string.Join(", ", unexplained)}");

            // The sidebar sends an unanswered event again with its id: each is then stored exactly once.
            foreach (var eventId in unanswered.Keys)
            {
                var n = int.Parse(eventId["kill-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                var status = await PostgresRedisProcesses.FeedbackAsync(instances[0].Client, suggestions[n % suggestions.Length], eventId, n);
                Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"{eventId}: {(int)status}");
            }
            var settled = await PostgresRedisProcesses.StoredEventsAsync(database);
            Assert.Equal(acknowledged.Keys.Concat(unanswered.Keys).Order(StringComparer.Ordinal), settled.Keys.Order(StringComparer.Ordinal));
            Assert.All(settled, s => Assert.Equal(1, s.Value));
        }
        finally
        {
            foreach (var instance in instances.Concat(killed))
            {
                await instance.DisposeAsync();
            }
        }
    }
}
