using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Infrastructure;

/// <summary>
/// The real Copilot host (<c>Program.Build</c>) on Kestrel at 127.0.0.1, port 0, with a fresh
/// folder for its SQLite file. Every functional test host starts and stops through here.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, string directory, Uri baseUrl)
    {
        App = app;
        Directory = directory;
        BaseUrl = baseUrl;
    }

    public WebApplication App { get; }
    public IServiceProvider Services => App.Services;
    public string Directory { get; }
    public Uri BaseUrl { get; }
    public string DatabasePath => Path.Combine(Directory, "copilot.db");

    /// <param name="settings">Configuration on top of quiet logging and the temporary store.</param>
    /// <param name="configure">Runs before the features are added: services registered here win where features use TryAdd.</param>
    public static async Task<TestApp> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("copilot-test-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Copilot:Store:Path"] = Path.Combine(directory, "copilot.db"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }
        var app = Program.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(config);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestApp(app, directory, new Uri(address));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
