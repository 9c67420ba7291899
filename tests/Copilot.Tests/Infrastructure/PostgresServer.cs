using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Copilot.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server run from this machine's binaries (<c>pg_config --bindir</c>, or Debian's
/// <c>/usr/lib/postgresql/N/bin</c>; <c>scripts/test.sh</c> installs them when missing): <c>initdb</c> into a temporary
/// folder as the unprivileged <c>postgres</c> user (through <c>runuser</c> when the tests run as root), listening on a free
/// port of 127.0.0.1 only, its socket in that folder, with fsync off (speed; the machine does not crash under a test,
/// while the server may: commits stay synchronous, so a server stopped at once keeps what it acknowledged). Stopped and
/// its folder removed at the end. <see cref="Shared"/> is one for the whole test run; tests that stop a server start their own.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(async () =>
    {
        var server = await StartAsync();
        // The test host may be ended soon after its exit handlers start: the stop and removal run in a process of their own.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.RemoveInBackground();
        return server;
    });

    private readonly string _bin;
    private readonly string _folder;
    private int _databases;

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    /// <summary>The server every test class shares, each in databases of its own.</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    public int Port { get; }

    private string Data => Path.Combine(_folder, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Binaries();
        await SweepAsync(bin);
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["postgres:", folder]);
        }
        var server = new PostgresServer(bin, folder, FreePort());
        try
        {
            await server.ToolAsync("initdb", ["-D", server.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"]);
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"copilot_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Timeout = 5 }.ConnectionString;

    /// <summary>Stops the server at once, as a crash or a failover would; its data stays for <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => ToolAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);

    public Task StartAgainAsync() => ToolAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
        $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300", "start"]);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
            }
        }
        // The server's last processes may still be removing their files for a moment after pg_ctl returns.
        for (var attempt = 0; attempt < 20 && Directory.Exists(_folder); attempt++)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Stops the server and removes its folder from a process that outlives this one (<c>setsid</c>).</summary>
    private void RemoveInBackground()
    {
        var pgCtl = Path.Combine(_bin, "pg_ctl");
        var stop = Environment.IsPrivilegedProcess ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "sh", "-c", $"{stop} -D '{Data}' -m immediate -w stop; rm -rf '{_folder}'" })
        {
            start.ArgumentList.Add(argument);
        }
        Process.Start(start)?.Dispose();
    }

    private const string FolderPrefix = "copilot-pg-";
    private const string OwnerFile = "owner";

    /// <summary>
    /// Stops and removes the servers of test runs that ended without doing so (a test process killed before its exit
    /// handlers ran): folders whose owning process is gone. Servers of runs still going are left alone.
    /// </summary>
    private static async Task SweepAsync(string bin)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            var alive = File.Exists(owner)
                ? int.TryParse(await File.ReadAllTextAsync(owner), out var pid) && Directory.Exists($"/proc/{pid}")
                : Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddHours(-1); // being set up, or from before owner files
            if (!alive)
            {
                await new PostgresServer(bin, folder, 0).DisposeAsync();
            }
        }
    }

    private Task ToolAsync(string tool, IReadOnlyList<string> arguments) => Environment.IsPrivilegedProcess
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
        : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    private static string Binaries()
    {
        var candidates = new List<string>();
        try
        {
            var start = new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            candidates.Add(process.StandardOutput.ReadToEnd().Trim());
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        return candidates.FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "No PostgreSQL server binaries (initdb, pg_ctl) found by pg_config --bindir or in /usr/lib/postgresql/*/bin: install postgresql-15 (scripts/test.sh does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A database of its own on the shared server, for one test class.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
