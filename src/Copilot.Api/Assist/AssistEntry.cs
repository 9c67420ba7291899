using System.Buffers;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Hybrid;

namespace Copilot.Api.Assist;

/// <summary>
/// A ticket's cached assist: fresh until <see cref="FreshUntil"/> unless a newer comment was reported
/// (<see cref="Invalidated"/>), and kept past that to be shown marked stale. <see cref="Stamp"/> names this write, so
/// an instance waiting for another's computation knows the entry it reads is that computation's. Never changed once
/// made, so the first level of the cache keeps the object itself (<see cref="ImmutableObjectAttribute"/>).
/// </summary>
[ImmutableObject(true)]
public sealed record AssistEntry(AssistContext Context, DateTimeOffset FreshUntil, bool Invalidated, string Stamp)
{
    public static string NewStamp() => Guid.NewGuid().ToString("N");
}

/// <summary>How an entry travels to the second level (Redis): JSON, every field of the assist as computed.</summary>
internal sealed class AssistEntrySerializer : IHybridCacheSerializer<AssistEntry>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public AssistEntry Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize<AssistEntry>(ref reader, Json) ?? throw new JsonException("An empty assist entry.");
    }

    public void Serialize(AssistEntry value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, Json);
    }
}
