using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Copilot.Api.Redis;

/// <summary>
/// The one connection to the Redis that instances share (<see cref="RedisOptions"/>), or none. Every user asks
/// <see cref="Database"/> and does without Redis when it is null — not configured, not reachable yet, or lost — so an
/// instance keeps serving from its own memory and the store while Redis is away, and uses it again once the
/// connection comes back by itself. Commands fail at once while the connection is down (no backlog), so a request
/// never waits for a Redis that is not there.
/// </summary>
public sealed partial class SharedRedis : IAsyncDisposable
{
    private readonly RedisOptions _options;
    private readonly ILogger<SharedRedis> _logger;
    private readonly ConcurrentDictionary<string, Action<RedisValue>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _subscribed = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Counter<long> _fallbacks;
    private volatile ConnectionMultiplexer? _connection;
    private int _lost;

    public SharedRedis(IOptions<RedisOptions> options, IMeterFactory meters, ILogger<SharedRedis> logger)
    {
        _options = options.Value;
        _logger = logger;
        var meter = meters.Create(Telemetry.CopilotTelemetry.Name);
        _fallbacks = meter.CreateCounter<long>("copilot.redis.fallbacks", "{operation}",
            "Operations that would have used Redis but were done by this instance alone (its memory, the store), by use.");
        if (Configured)
        {
            meter.CreateObservableGauge("copilot.redis.available", () => Available ? 1 : 0, "1",
                "1 while Redis answers; 0 while this instance runs without it (degraded).");
        }
    }

    /// <summary>Whether a Redis is configured: several instances share this deployment's state.</summary>
    public bool Configured => _options.Configured;

    /// <summary>Whether Redis answers now.</summary>
    public bool Available => _connection is { IsConnected: true };

    /// <summary>The database while Redis answers; null otherwise (do without it).</summary>
    public IDatabase? Database => Available ? _connection!.GetDatabase() : null;

    /// <summary>This instance, as it names itself to others (in lock values and messages it should not hear back).</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The key <paramref name="name"/> within this deployment's prefix.</summary>
    public RedisKey Key(string name) => _options.KeyPrefix + name;

    /// <summary>Connects in the background; until it has, and whenever it is lost, <see cref="Database"/> is null.</summary>
    public void Start()
    {
        if (Configured && _connection is null)
        {
            _ = ConnectAsync();
        }
    }

    private async Task ConnectAsync()
    {
        var configuration = ConfigurationOptions.Parse(_options.Configuration!);
        configuration.AbortOnConnectFail = false; // keep trying: an instance started before its Redis uses it once it is up
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= "copilot";
        try
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
            connection.ConnectionFailed += (_, e) => Lost(e.FailureType.ToString());
            connection.ConnectionRestored += (_, _) => Restored();
            // The channels before anything uses the connection, so no message is missed; then once more for a
            // Subscribe that came meanwhile and found no connection yet (one that finds it subscribes itself). Each
            // channel is subscribed once either way.
            foreach (var (channel, handler) in _handlers)
            {
                await SubscribeOnceAsync(connection, channel, handler);
            }
            _connection = connection;
            foreach (var (channel, handler) in _handlers)
            {
                await SubscribeOnceAsync(connection, channel, handler);
            }
            if (_stopping.IsCancellationRequested)
            {
                await connection.DisposeAsync();
                return;
            }
            if (connection.IsConnected)
            {
                Log.Connected(_logger);
                Connected?.Invoke();
            }
            else
            {
                Lost("unreachable at start");
            }
        }
        catch (Exception e) when (e is RedisException or ArgumentException)
        {
            Log.CannotConnect(_logger, e.GetType().Name);
        }
    }

    /// <summary>
    /// Calls <paramref name="handler"/> with every message published on <paramref name="channel"/> by any instance,
    /// this one included. Subscriptions survive reconnection.
    /// </summary>
    public void Subscribe(string channel, Action<RedisValue> handler)
    {
        _handlers[channel] = handler;
        if (_connection is { } connection)
        {
            _ = SubscribeOnceAsync(connection, channel, handler);
        }
    }

    private Task SubscribeOnceAsync(ConnectionMultiplexer connection, string channel, Action<RedisValue> handler) =>
        _subscribed.TryAdd(channel, 0) ? SubscribeAsync(connection, channel, handler) : Task.CompletedTask;

    private async Task SubscribeAsync(ConnectionMultiplexer connection, string channel, Action<RedisValue> handler)
    {
        try
        {
            await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(_options.KeyPrefix + channel), (_, message) => handler(message));
        }
        catch (Exception e) when (IsFailure(e))
        {
            // Subscribed again by the connection once it is back.
        }
    }

    /// <summary>Publishes to every instance; nothing when Redis is away (they learn it from the store, or not at all).</summary>
    public async Task PublishAsync(string channel, RedisValue message)
    {
        if (_connection is { IsConnected: true } connection)
        {
            try
            {
                await connection.GetSubscriber().PublishAsync(RedisChannel.Literal(_options.KeyPrefix + channel), message);
            }
            catch (Exception e) when (IsFailure(e))
            {
                Unavailable("publish");
            }
        }
    }

    /// <summary>What a Redis command throws when Redis is away or too slow.</summary>
    public static bool IsFailure(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;

    /// <summary>Counts an operation done without Redis (<c>copilot.redis.fallbacks</c>), by what it was for.</summary>
    public void Unavailable(string use)
    {
        if (Configured)
        {
            _fallbacks.Add(1, new KeyValuePair<string, object?>("copilot.redis.use", use));
        }
    }

    private void Lost(string reason)
    {
        if (Interlocked.Exchange(ref _lost, 1) == 0)
        {
            Log.Lost(_logger, reason);
        }
    }

    private void Restored()
    {
        if (Interlocked.Exchange(ref _lost, 0) == 1)
        {
            Log.Restored(_logger);
        }
        Connected?.Invoke();
    }

    /// <summary>Raised when the connection is made, and again whenever it comes back: what others shared meanwhile may be read.</summary>
    public event Action? Connected;

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Redis connected: caches, replay checks, limits and helpdesk holds are shared with the other instances")]
        public static partial void Connected(ILogger logger);

        [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Redis cannot be reached ({Reason}): this instance serves from its own memory and the store until it is back")]
        public static partial void Lost(ILogger logger, string reason);

        [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Redis is back: sharing again")]
        public static partial void Restored(ILogger logger);

        [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Redis could not be set up ({Error}); this instance runs without it")]
        public static partial void CannotConnect(ILogger logger, string error);
    }
}
