using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Copilot.Api.Store.Postgres;
using Copilot.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Store;

/// <summary>
/// The store: an SQLite file (one instance, one writer at a time) or a PostgreSQL database that several instances
/// share (<see cref="StoreOptions.Provider"/>). Every feature's store class opens its connections here, writes through
/// <see cref="WriteAsync{T}"/> and words the few differing statements through <see cref="Dialect"/>.
/// </summary>
public sealed class Db : IAsyncDisposable
{
    private readonly IStoreConnections _connections;

    public Db(IOptions<StoreOptions> options, IHostEnvironment env) : this(options.Value, env.ContentRootPath)
    {
    }

    private Db(StoreOptions options, string contentRoot)
        : this(options.Provider == StoreProvider.Postgres ? new PostgresConnections(options.ConnectionString!) : new SqliteConnections(SqlitePath(options, contentRoot)), options.Provider)
    {
        FilePath = options.Provider == StoreProvider.Postgres ? null : SqlitePath(options, contentRoot);
    }

    /// <summary>An SQLite store in the file at <paramref name="path"/>.</summary>
    public Db(string path) : this(new SqliteConnections(path), StoreProvider.Sqlite) => FilePath = path;

    private Db(IStoreConnections connections, StoreProvider provider)
    {
        _connections = connections;
        Provider = provider;
        Dialect = provider == StoreProvider.Postgres ? StoreDialect.Postgres : StoreDialect.Sqlite;
        if (connections is SqliteConnections)
        {
            _writeGate = new SemaphoreSlim(1, 1);
        }
    }

    /// <summary>A PostgreSQL store (tests, tools and benchmarks; the host reads <see cref="StoreOptions"/>).</summary>
    public static Db Postgres(string connectionString) => new(new PostgresConnections(connectionString), StoreProvider.Postgres);

    public StoreProvider Provider { get; }

    public StoreDialect Dialect { get; }

    /// <summary>The SQLite file; null for PostgreSQL.</summary>
    public string? FilePath { get; private init; }

    /// <summary>
    /// Whether other processes may write the same store at the same moment (PostgreSQL). An SQLite file belongs to
    /// one process, so what this process did not write did not happen.
    /// </summary>
    public bool Shared => Provider == StoreProvider.Postgres;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => _connections.OpenAsync(cancellationToken);

    /// <summary>
    /// A write, with a trace and a metric. SQLite takes one writer at a time: writers in this process queue here
    /// instead of in SQLite's busy handler, which sleeps for whole milliseconds between retries and turns a burst of
    /// small writes into a latency spike. PostgreSQL orders concurrent writers itself, so there they run at once.
    /// </summary>
    /// <param name="caller">Filled in by the compiler: names the write in traces and metrics (<c>SuggestionStore.AddAsync</c>).</param>
    public Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string caller = "") =>
        GatedWriteAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await write(connection);
        }, cancellationToken, callerFile, caller);

    /// <summary>
    /// A write that is one transaction of its own (it begins and commits it on the connection it is given), as
    /// <see cref="WriteAsync{T}"/>; on PostgreSQL, when the server fails it to break a deadlock or a serialization
    /// conflict with another writer — nothing of it was kept — it is run again on a fresh connection (up to three times).
    /// </summary>
    public async Task<T> WriteTransactionAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string caller = "")
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(write, cancellationToken, callerFile, caller);
            }
            catch (Exception e) when (StoreDialect.IsConflict(e) && attempt < ConflictAttempts)
            {
            }
        }
    }

    private const int ConflictAttempts = 3;

    /// <summary>
    /// A write on a connection the caller keeps (<see cref="PreparedConnection"/>), in the same queue
    /// and with the same traces and metrics as <see cref="WriteAsync{T}"/>.
    /// </summary>
    internal async Task<T> GatedWriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken, string callerFile, string caller)
    {
        var operation = $"{System.IO.Path.GetFileNameWithoutExtension(callerFile)}.{caller}";
        using var activity = CopilotTelemetry.StartStoreWrite(operation, Dialect.IsPostgres ? "postgresql" : "sqlite");
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        if (_writeGate is not null)
        {
            await _writeGate.WaitAsync(cancellationToken);
        }
        try
        {
            var result = await write();
            failed = false;
            return result;
        }
        finally
        {
            _writeGate?.Release();
            CopilotTelemetry.StoreWriteEnded(operation, Stopwatch.GetElapsedTime(started), failed);
            activity?.SetStatus(failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
        }
    }

    private readonly SemaphoreSlim? _writeGate;

    /// <summary>
    /// After the store failed to answer: drops pooled PostgreSQL connections, which are all dead when the server
    /// restarted, so the next request opens a fresh one instead of failing on each of them in turn.
    /// </summary>
    public void Forget()
    {
        if (_connections is PostgresConnections postgres)
        {
            postgres.Clear();
        }
    }

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    private static string SqlitePath(StoreOptions options, string contentRoot) =>
        System.IO.Path.IsPathRooted(options.Path) ? options.Path : System.IO.Path.Combine(contentRoot, options.Path);
}
