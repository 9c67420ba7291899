using System.Collections.Concurrent;
using Copilot.Connectors;
using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Zendesk;
using Copilot.Fakes.Zendesk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Copilot.Tests.Connectors;

/// <summary>A running fake Zendesk and a client wired through the real DI registration, with short delays.</summary>
internal sealed class ZendeskHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ZendeskHarness(FakeZendesk fake, ServiceProvider services, LogCapture logs, ZendeskClient client)
    {
        Fake = fake;
        _services = services;
        Logs = logs;
        Client = client;
    }

    public FakeZendesk Fake { get; }
    public LogCapture Logs { get; }
    public ZendeskClient Client { get; }
    public IHelpdeskDirectory Directory => _services.GetRequiredService<IHelpdeskDirectory>();

    /// <param name="time">The clock of both the fake's rate-limit windows and the connector.</param>
    public static async Task<ZendeskHarness> StartAsync(
        FakeZendeskData data, Action<ZendeskClientOptions>? configure = null, bool oauth = false, TimeProvider? time = null)
    {
        var fake = await FakeZendesk.StartAsync(data, time);
        try
        {
            var logs = new LogCapture();
            var services = Connectors(logs, configure, time);
            var client = services.GetRequiredService<ZendeskClientFactory>().For(Connection(fake, oauth));
            return new ZendeskHarness(fake, services, logs, client);
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>The tenant connection to <paramref name="fake"/>, with an API token or an OAuth token.</summary>
    public static HelpdeskConnection Connection(FakeZendesk fake, bool oauth = false) => oauth
        ? new HelpdeskConnection("zendesk", fake.BaseUrl, OAuthToken: fake.Data.OAuthToken)
        : new HelpdeskConnection("zendesk", fake.BaseUrl, Email: fake.Data.Email, ApiToken: fake.Data.ApiToken);

    /// <summary>The connectors exactly as the host registers them, logging into <paramref name="logs"/>, on <paramref name="time"/> when given.</summary>
    public static ServiceProvider Connectors(LogCapture logs, Action<ZendeskClientOptions>? configure = null, TimeProvider? time = null,
        Action<Copilot.Connectors.Freshdesk.FreshdeskClientOptions>? freshdesk = null)
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        return services
            .AddHelpdeskConnectors(o =>
            {
                o.BaseDelay = TimeSpan.FromMilliseconds(5);
                configure?.Invoke(o);
            }, o =>
            {
                o.BaseDelay = TimeSpan.FromMilliseconds(5);
                freshdesk?.Invoke(o);
            })
            .BuildServiceProvider(validateScopes: true);
    }

    /// <summary>Requests the fake saw whose path starts with <paramref name="prefix"/>.</summary>
    public int Calls(string prefix) => Fake.Requests.Count(r => r.Path.StartsWith(prefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

/// <summary>Keeps every log entry with its structured values, so tests can read what the code decided.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId Event, IReadOnlyDictionary<string, object?> Values, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public IEnumerable<TimeSpan> RetryDelays() =>
        Entries.Where(e => e.Event.Id == Copilot.Connectors.Helpdesk.HelpdeskLogEvents.Retrying).Select(e => (TimeSpan)e.Values["Delay"]!);

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            owner.Entries.Enqueue((category, logLevel, eventId, values, formatter(state, exception)));
        }
    }
}
