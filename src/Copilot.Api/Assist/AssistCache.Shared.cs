using System.Collections.Concurrent;
using Copilot.Api.Redis;
using Microsoft.Extensions.Caching.Hybrid;
using StackExchange.Redis;

namespace Copilot.Api.Assist;

/// <summary>
/// What the assist cache shares through Redis: one computation per ticket across instances (a lock the computing
/// instance holds; the others wait for its word and read its result from Redis), and a message for every change of a
/// ticket's entry (computed, invalidated, removed), on which every other instance holding the ticket reads the entry again
/// from Redis into its memory — so a comment webhook received by one instance reaches the others' caches within moments.
/// </summary>
public sealed partial class AssistCache
{
    private const string Channel = "assist";

    /// <summary>How long a computing instance holds a ticket: longer than a helpdesk read may take (its total timeout).</summary>
    internal static readonly TimeSpan LeadFor = TimeSpan.FromSeconds(30);

    /// <summary>How often a waiting instance checks that the computing one still holds the ticket.</summary>
    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(1);

    private static readonly HybridCacheEntryOptions FromShared = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheRead | HybridCacheEntryFlags.DisableUnderlyingData,
    };

    private static readonly HybridCacheEntryOptions LocalOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableDistributedCache | HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite,
    };

    private readonly SharedRedis? _redis;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _awaited = new(StringComparer.Ordinal);

    private enum Change { Computed, Invalidated, Removed, Failed }

    /// <summary>Whether this instance computes the ticket (and holds its lock), or the assist another instance computed.</summary>
    private sealed record Lead(bool Leading, AssistContext? Followed)
    {
        public static readonly Lead Alone = new(false, null);
    }

    private static RedisKey LockOf(SharedRedis redis, string key) => redis.Key(key + ":computing");

    /// <summary>
    /// Takes the ticket's lock, or waits for the instance holding it and returns what it computed. Alone (compute
    /// here) without Redis, when the other instance failed or stopped, or when its result cannot be read.
    /// </summary>
    private async Task<Lead> LeadOrFollowAsync(string key)
    {
        if (_redis is null)
        {
            return Lead.Alone;
        }
        if (_redis.Database is not { } db)
        {
            _redis.Unavailable("assist-single-flight");
            return Lead.Alone;
        }
        var word = _awaited.GetOrAdd(key, _ => new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            if (await db.LockTakeAsync(LockOf(_redis, key), _redis.Instance, LeadFor))
            {
                return new Lead(true, null);
            }
            while (!word.Task.IsCompleted)
            {
                await Task.WhenAny(word.Task, Task.Delay(LookEvery, _time, _stopping.Token));
                if (!word.Task.IsCompleted && (await db.LockQueryAsync(LockOf(_redis, key))).IsNull)
                {
                    return Lead.Alone; // gone without a word
                }
            }
            return await word.Task is { } stamp && await ReadSharedAsync(key) is { Invalidated: false } entry && entry.Stamp == stamp
                ? new Lead(false, entry.Context)
                : Lead.Alone;
        }
        catch (Exception e) when (SharedRedis.IsFailure(e))
        {
            _redis.Unavailable("assist-single-flight");
            return Lead.Alone;
        }
        finally
        {
            _awaited.TryRemove(new KeyValuePair<string, TaskCompletionSource<string?>>(key, word));
        }
    }

    private async Task ReleaseAsync(string key, Lead lead)
    {
        if (lead.Leading && _redis?.Database is { } db)
        {
            try
            {
                await db.LockReleaseAsync(LockOf(_redis, key), _redis.Instance);
            }
            catch (Exception e) when (SharedRedis.IsFailure(e))
            {
                // It expires by itself.
            }
        }
    }

    /// <summary>The entry as Redis holds it, put in this instance's memory; null when Redis has none (or is away).</summary>
    private ValueTask<AssistEntry?> ReadSharedAsync(string key) =>
        _cache.GetOrCreateAsync<AssistEntry?>(key, _ => ValueTask.FromResult<AssistEntry?>(null), FromShared);

    private Task PublishAsync(string key, Change change, string? stamp) =>
        _redis is null ? Task.CompletedTask : _redis.PublishAsync(Channel, $"{key}\n{_redis.Instance}\n{change}\n{stamp}");

    /// <summary>Another instance changed a ticket's entry: wake whoever waits for it, and read it again from Redis if this instance holds it.</summary>
    private void OnChanged(RedisValue message)
    {
        var parts = ((string?)message ?? "").Split('\n');
        if (parts.Length != 4 || parts[1] == _redis!.Instance || !Enum.TryParse<Change>(parts[2], out var change))
        {
            return;
        }
        var key = parts[0];
        if (change != Change.Invalidated && _awaited.TryGetValue(key, out var word))
        {
            word.TrySetResult(change == Change.Computed ? parts[3] : null);
        }
        _ = RefreshLocalAsync(key);
    }

    private async Task RefreshLocalAsync(string key)
    {
        try
        {
            if (await _cache.GetOrCreateAsync<AssistEntry?>(key, _ => ValueTask.FromResult<AssistEntry?>(null), LocalOnly) is null)
            {
                return; // not held here: read from Redis when it is asked for
            }
            if (await ReadSharedAsync(key) is null)
            {
                await _cache.RemoveAsync(key);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What this instance holds of the ticket ages out by itself; a failed read of Redis must not end the process.
        }
    }
}
