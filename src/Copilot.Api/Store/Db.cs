using System.Diagnostics;
using System.Runtime.CompilerServices;
using Copilot.Api.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Store;

/// <summary>
/// Opens connections to the SQLite file. WAL lets readers run beside the one writer;
/// busy_timeout makes writers queue instead of failing under load.
/// </summary>
public sealed class Db
{
    private readonly string _connectionString;

    public Db(IOptions<StoreOptions> options, IHostEnvironment env)
        : this(System.IO.Path.IsPathRooted(options.Value.Path) ? options.Value.Path : System.IO.Path.Combine(env.ContentRootPath, options.Value.Path))
    {
    }

    public Db(string path)
    {
        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>
    /// SQLite takes one writer at a time. Writers in this process queue here instead of in
    /// SQLite's busy handler, which sleeps for whole milliseconds between retries and turns a
    /// burst of small writes into a latency spike.
    /// </summary>
    /// <param name="caller">Filled in by the compiler: names the write in traces and metrics (<c>SuggestionStore.AddAsync</c>).</param>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string caller = "") =>
        GatedWriteAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await write(connection);
        }, cancellationToken, callerFile, caller);

    /// <summary>
    /// A write on a connection the caller keeps (<see cref="PreparedConnection"/>), in the same queue
    /// and with the same traces and metrics as <see cref="WriteAsync{T}"/>.
    /// </summary>
    internal async Task<T> GatedWriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken, string callerFile, string caller)
    {
        var operation = $"{System.IO.Path.GetFileNameWithoutExtension(callerFile)}.{caller}";
        using var activity = CopilotTelemetry.StartStoreWrite(operation);
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var result = await write();
            failed = false;
            return result;
        }
        finally
        {
            _writeGate.Release();
            CopilotTelemetry.StoreWriteEnded(operation, Stopwatch.GetElapsedTime(started), failed);
            activity?.SetStatus(failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
        }
    }

    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Native connections already set up: the pool hands the same ones out again, settings intact.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _prepared = [];

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection.Handle is { } handle && _prepared.TryAdd(handle, handle))
        {
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }
}
