using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;

namespace Copilot.Api.Store;

/// <summary>
/// What a process keeps in memory from the store (a tenant's vectors, term counts) must be read again when the store
/// changes. The process that writes forgets its own copy; on PostgreSQL it also announces the change
/// (<see cref="AnnounceAsync"/>, a NOTIFY sent when its transaction commits), and every instance hears it
/// (<c>Postgres/PostgresListener</c>) and forgets theirs. On SQLite no other process writes the store.
/// </summary>
public sealed class StoreChanges
{
    /// <summary>A tenant's knowledge passages or vectors changed; the payload is the tenant.</summary>
    public const string Knowledge = "copilot_knowledge";

    /// <summary>
    /// A tenant's curated knowledge changed: its articles, macros, documents or procedures (not its past replies, which every
    /// sync adds to). What an assist showed from before may be out of date (<see cref="Knowledge.KnowledgeChanges"/>). The payload is the tenant.
    /// </summary>
    public const string Curated = "copilot_curated";

    private readonly ConcurrentDictionary<string, ConcurrentBag<Action<string?>>> _listeners = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="changed"/> with the payload of each change announced on <paramref name="channel"/>, or null when changes may have been missed.</summary>
    public void Subscribe(string channel, Action<string?> changed) => _listeners.GetOrAdd(channel, _ => []).Add(changed);

    /// <summary>Announces a change to every instance once <paramref name="transaction"/> commits (PostgreSQL; nothing on SQLite).</summary>
    public static Task AnnounceAsync(Db db, DbConnection connection, DbTransaction? transaction, string channel, string payload, CancellationToken cancellationToken) =>
        db.Dialect.IsPostgres
            ? connection.ExecuteAsync(new CommandDefinition("SELECT pg_notify(@channel, @payload)", new { channel, payload }, transaction, cancellationToken: cancellationToken))
            : Task.CompletedTask;

    /// <summary>Channels announced to: what the listener listens to.</summary>
    internal static IReadOnlyList<string> Channels { get; } = [Knowledge, Curated];

    /// <summary>
    /// A change this process committed, told to its own listeners at once (on PostgreSQL they hear it once more from the
    /// store, with every other instance; on SQLite this is how they hear it).
    /// </summary>
    public void Committed(string channel, string payload)
    {
        Heard(channel, payload);
        CommittedHere?.Invoke(channel, payload);
    }

    /// <summary>A change this process committed (channel, payload): for passing on to instances that do not hear the store (a shared SQLite file).</summary>
    public event Action<string, string>? CommittedHere;

    /// <summary>A change was heard (payload null: the listener lost its connection and may have missed some).</summary>
    internal void Heard(string channel, string? payload)
    {
        foreach (var listener in _listeners.GetValueOrDefault(channel) ?? [])
        {
            listener(payload);
        }
    }

    internal void MayHaveMissed()
    {
        foreach (var channel in _listeners.Keys)
        {
            Heard(channel, null);
        }
    }
}
