using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Copilot.Tests.Infrastructure;

/// <summary>
/// The one way a functional test starts the real host (<c>Program.Build</c>): Kestrel at 127.0.0.1, port 0,
/// a fresh folder for the SQLite file, quiet logging, and whatever the test adds — tenants, settings,
/// a clock, fakes of outside systems, routes of its own. Every test host starts here.
/// </summary>
public sealed class TestHostBuilder
{
    /// <remarks>
    /// Passages are embedded at the embedding service's half-minute pass, not as soon as a sync writes them: a test reads a
    /// tenant's search as keyword-only or embeds its passages itself, and does not race a pass woken by its sync
    /// (<c>KnowledgeApiTests</c> turns the wake on to test it).
    /// </remarks>
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Copilot:Knowledge:EmbedPassagesOnChange"] = "false",
    };
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly List<Type> _withoutHostedServices = [];
    private readonly List<ILoggerProvider> _loggers = [];
    private readonly List<Action<WebApplication>> _routes = [];

    public TestHostBuilder With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public TestHostBuilder WithSettings(IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
        return this;
    }

    /// <summary>A configured helpdesk account. Its background knowledge sync is off unless an interval is given.</summary>
    public TestHostBuilder WithTenant(
        string id, Uri helpdesk, string sharedSecret, string email = "bot@acme.example", string apiToken = "token",
        string? webhookSecret = null, int syncIntervalMinutes = 0)
    {
        var prefix = $"Copilot:Tenants:{id}:";
        With(prefix + "BaseUrl", helpdesk.ToString());
        With(prefix + "Email", email);
        With(prefix + "ApiToken", apiToken);
        With(prefix + "SharedSecret", sharedSecret);
        With(prefix + "SyncIntervalMinutes", syncIntervalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return webhookSecret is null ? this : With(prefix + "WebhookSecret", webhookSecret);
    }

    /// <summary>A configured Freshdesk account (its API key, no Zendesk credentials). Its background knowledge sync is off unless an interval is given.</summary>
    public TestHostBuilder WithFreshdeskTenant(
        string id, Uri helpdesk, string apiKey, string sharedSecret, string? webhookSecret = null, int syncIntervalMinutes = 0)
    {
        var prefix = $"Copilot:Tenants:{id}:";
        With(prefix + "Helpdesk", "freshdesk");
        With(prefix + "BaseUrl", helpdesk.ToString());
        With(prefix + "ApiKey", apiKey);
        With(prefix + "SharedSecret", sharedSecret);
        With(prefix + "SyncIntervalMinutes", syncIntervalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return webhookSecret is null ? this : With(prefix + "WebhookSecret", webhookSecret);
    }

    /// <summary>A store file another host may use too (two instances of the copilot on one store); the test deletes it.</summary>
    public TestHostBuilder WithStore(string path) => With("Copilot:Store:Path", path);

    public TestHostBuilder WithAdminKey(string key) => With("Copilot:AdminKey", key);

    /// <summary>The store in a PostgreSQL database (<see cref="PostgresServer"/>) instead of the SQLite file.</summary>
    public TestHostBuilder WithPostgres(string connectionString) => With("Copilot:Store:Provider", "postgres").With("Copilot:Store:ConnectionString", connectionString);

    /// <summary>The built sidebar app the host serves (pages with the session placeholder).</summary>
    public TestHostBuilder WithSidebarApp(string directory) => With("Sidebar:AppDirectory", directory);

    /// <summary>The host's clock (the app keeps a clock registered before its own).</summary>
    public TestHostBuilder WithClock(TimeProvider clock) => WithServices(s => s.AddSingleton(clock));

    /// <summary>
    /// A stand-in for a seam the app leaves open (its helpdesk client factory, its ticket-activity hook):
    /// registered before the features, which keep it.
    /// </summary>
    public TestHostBuilder WithFake<TService>(TService instance) where TService : class => WithServices(s => s.AddSingleton(instance));

    public TestHostBuilder WithServices(Action<IServiceCollection> services)
    {
        _services.Add(services);
        return this;
    }

    /// <summary>Takes a background service of the app out (removed after the features registered theirs), so the test runs its work itself.</summary>
    public TestHostBuilder WithoutHostedService<TService>() where TService : Microsoft.Extensions.Hosting.IHostedService
    {
        _withoutHostedServices.Add(typeof(TService));
        return this;
    }

    public TestHostBuilder WithLogging(ILoggerProvider provider)
    {
        _loggers.Add(provider);
        return this;
    }

    /// <summary>Routes of the test's own, mapped after the application's (e.g. one that echoes who a policy let in).</summary>
    public TestHostBuilder WithRoutes(Action<WebApplication> routes)
    {
        _routes.Add(routes);
        return this;
    }

    public async Task<TestApp> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("copilot-test-").FullName;
        var settings = new Dictionary<string, string?>(_settings);
        // A store of its own, unless the test shares one between hosts (WithStore).
        settings.TryAdd("Copilot:Store:Path", Path.Combine(directory, "copilot.db"));
        var app = Program.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
            foreach (var provider in _loggers)
            {
                builder.Logging.AddProvider(provider);
            }
            foreach (var services in _services)
            {
                services(builder.Services);
            }
        }, builder =>
        {
            foreach (var hosted in builder.Services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && _withoutHostedServices.Contains(d.ImplementationType!)).ToList())
            {
                builder.Services.Remove(hosted);
            }
        });
        foreach (var routes in _routes)
        {
            routes(app);
        }
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            TestApp.DeleteDirectory(directory);
            throw;
        }
        return new TestApp(app, directory, settings["Copilot:Store:Path"]!);
    }
}
