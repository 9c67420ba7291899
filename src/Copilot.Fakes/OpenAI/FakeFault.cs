namespace Copilot.Fakes.OpenAI;

public enum FakeFaultKind
{
    /// <summary>429 with <c>Retry-After</c> (seconds, rounded up) and <c>retry-after-ms</c>.</summary>
    RateLimited,
    /// <summary>An error status (500 unless given) with an OpenAI error body.</summary>
    ServerError,
    /// <summary>Waits before the first byte and, when streaming, between chunks; the answer itself is normal.</summary>
    Slow,
    /// <summary>200 with a body that is not valid JSON (a bad line mid-stream when streaming).</summary>
    Garbled,
    /// <summary>Streams part of the answer, then an <c>error</c> event instead of a finish chunk.</summary>
    MidStreamError,
    /// <summary>Drops the connection (after a first chunk when streaming).</summary>
    ConnectionReset,
}

/// <summary>A failure the fake plays on the next request(s) instead of (or around) its normal answer.</summary>
public sealed record FakeFault(FakeFaultKind Kind)
{
    public TimeSpan RetryAfter { get; init; }
    public int Status { get; init; } = 500;
    public TimeSpan FirstByteDelay { get; init; }
    public TimeSpan ChunkDelay { get; init; }

    public static FakeFault RateLimited(TimeSpan retryAfter) => new(FakeFaultKind.RateLimited) { RetryAfter = retryAfter, Status = 429 };
    public static FakeFault ServerError(int status = 500) => new(FakeFaultKind.ServerError) { Status = status };
    public static FakeFault Slow(TimeSpan firstByteDelay, TimeSpan chunkDelay = default) =>
        new(FakeFaultKind.Slow) { FirstByteDelay = firstByteDelay, ChunkDelay = chunkDelay };
    public static FakeFault Garbled() => new(FakeFaultKind.Garbled);
    public static FakeFault MidStreamError() => new(FakeFaultKind.MidStreamError);
    public static FakeFault ConnectionReset() => new(FakeFaultKind.ConnectionReset);
}
