using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Infrastructure;

/// <summary>The real Copilot host as <see cref="TestHostBuilder"/> started it, its folder and its SQLite file (in that folder unless shared; unused on PostgreSQL).</summary>
public sealed class TestApp : IAsyncDisposable
{
    internal TestApp(WebApplication app, string directory, string databasePath)
    {
        App = app;
        Directory = directory;
        DatabasePath = databasePath;
        BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    public WebApplication App { get; }
    public IServiceProvider Services => App.Services;
    public string Directory { get; }
    public Uri BaseUrl { get; }
    public string DatabasePath { get; }

    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>One number read from the host's store.</summary>
    public async Task<long> ScalarAsync(string sql) =>
        Convert.ToInt64(await ReadScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One text value read from the host's store (null for none).</summary>
    public async Task<string?> ScalarTextAsync(string sql) => await ReadScalarAsync(sql) as string;

    private async Task<object?> ReadScalarAsync(string sql)
    {
        // The host's own store, whichever it is (SQLite file or PostgreSQL database).
        await using var connection = await Services.GetRequiredService<Copilot.Api.Store.Db>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DeleteDirectory(Directory);
    }

    internal static void DeleteDirectory(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
