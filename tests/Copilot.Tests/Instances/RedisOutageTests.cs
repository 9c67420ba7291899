using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Instances;

/// <summary>Redis goes away in the middle of a run: the instances keep serving, say they are degraded, and share again when it is back.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task WithRedisKilledRequestsKeepSucceedingReadyIsDegradedAndBothRecoverWhenItIsBack()
    {
        await using var two = await TwoInstances.StartAsync();
        using var fallbacks = new FallbackCount(two.B);
        await TwoInstances.AssistBodyAsync(two.A, 122);
        Assert.True((await TwoInstances.AssistBodyAsync(two.B, 122)).GetProperty("cached").GetBoolean());
        var (readyBefore, _) = await ReadyAsync(two.A);
        Assert.Equal("Healthy", readyBefore.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal(1, Available(two.A));

        await two.Redis.KillAsync();
        await two.WaitForRedisAsync(available: false);

        // Both go on: what each holds in memory, a ticket neither has seen (read and worked out alone), a new token.
        foreach (var host in new[] { two.A, two.B })
        {
            var cached = await TwoInstances.AssistBodyAsync(host, 122);
            Assert.True(cached.GetProperty("cached").GetBoolean());
        }
        var cold = await TwoInstances.AssistBodyAsync(two.B, 127);
        Assert.False(cold.GetProperty("cached").GetBoolean());
        var (degraded, status) = await ReadyAsync(two.A);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
        var redis = degraded.GetProperty("entries").GetProperty("redis");
        Assert.Equal("Degraded", redis.GetProperty("status").GetString());
        var reason = redis.GetProperty("description").GetString()!;
        Assert.Contains("Redis cannot be reached", reason);
        Assert.DoesNotContain(two.Redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), degraded.ToString());
        Assert.Equal(0, Available(two.A));
        Assert.True(fallbacks.Of("assist-cache") > 0);

        await two.Redis.RestartAsync();
        await two.WaitForRedisAsync(available: true);

        var (recovered, _) = await ReadyAsync(two.A);
        Assert.Equal("Healthy", recovered.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal(1, Available(two.A));
        // Shared again: an assist worked out on A is served by B without reading the helpdesk.
        await TwoInstances.AssistBodyAsync(two.A, 133);
        var calls = two.Calls;
        Assert.True((await TwoInstances.AssistBodyAsync(two.B, 133)).GetProperty("cached").GetBoolean());
        Assert.Equal(calls, two.Calls);
    }

    [Fact]
    public async Task AnInstanceStartedWhileItsRedisIsDownServesAloneAndSharesOnceRedisIsUp()
    {
        await using var zendesk = await Copilot.Fakes.Zendesk.FakeZendesk.StartAsync(Copilot.Fakes.Zendesk.FakeZendeskData.LoadDemo());
        await using var redis = await RedisServer.StartAsync();
        await redis.KillAsync();
        await using var host = await CopilotTestHost.StartAsync(zendesk, new Dictionary<string, string?>
        {
            ["Copilot:Redis:Configuration"] = redis.Configuration,
        });

        Assert.False(TwoInstances.Connection(host).Available);
        Assert.False((await TwoInstances.AssistBodyAsync(host, 122)).GetProperty("cached").GetBoolean());
        Assert.True((await TwoInstances.AssistBodyAsync(host, 122)).GetProperty("cached").GetBoolean());
        var (degraded, status) = await ReadyAsync(host);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", degraded.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString());

        await redis.RestartAsync();
        await FakeClock.WaitForAsync(() => TwoInstances.Connection(host).Available, "the connection made once Redis is up");
        var (ready, _) = await ReadyAsync(host);
        Assert.Equal("Healthy", ready.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString());
        // Its assists now go to Redis too. A write in the first moments of the new connection may still be lost (a lost
        // write is only a cache miss elsewhere), so the next ticket's assist is asked for until one is there.
        var shared = false;
        foreach (var ticket in new long[] { 127, 128, 129, 130, 131 })
        {
            await TwoInstances.AssistBodyAsync(host, ticket);
            var asked = System.Diagnostics.Stopwatch.StartNew();
            while (!(shared = RedisKeys(redis).Contains($"copilot:assist:acme:{ticket}")) && asked.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(20);
            }
            if (shared)
            {
                break;
            }
        }
        Assert.True(shared, "No assist reached Redis once it was up.");
    }

    private static List<string> RedisKeys(RedisServer redis)
    {
        using var connection = StackExchange.Redis.ConnectionMultiplexer.Connect(redis.Configuration);
        return connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "copilot:*").Select(k => k.ToString()).ToList();
    }

    private static async Task<(JsonElement Body, HttpStatusCode Status)> ReadyAsync(CopilotTestHost host)
    {
        using var response = await host.Client.GetAsync("/health/ready");
        return (JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), response.StatusCode);
    }

    /// <summary>The host's <c>copilot.redis.available</c> gauge, read now.</summary>
    private static int? Available(CopilotTestHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        int? value = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "copilot.redis.available" && instrument.Meter.Scope == factory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }

    /// <summary>The host's <c>copilot.redis.fallbacks</c>, counted by use while it lives.</summary>
    private sealed class FallbackCount : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _counts = [];

        public FallbackCount(CopilotTestHost host)
        {
            var factory = host.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "copilot.redis.fallbacks" && instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, measurement, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "copilot.redis.use" && tag.Value is string use)
                    {
                        lock (_counts)
                        {
                            _counts[use] = _counts.GetValueOrDefault(use) + measurement;
                        }
                    }
                }
            });
            _listener.Start();
        }

        public long Of(string use)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(use);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
