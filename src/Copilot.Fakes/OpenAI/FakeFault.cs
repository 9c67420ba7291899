namespace Copilot.Fakes.OpenAI;

public enum FakeFaultKind
{
    /// <summary>429 with a Retry-After in the fault's <see cref="FakeFault.RetryAfterFormat"/>.</summary>
    RateLimited,
    /// <summary>An error status (500 unless given) with an OpenAI error body, and a Retry-After when the fault has one.</summary>
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

/// <summary>How a fault says when to try again.</summary>
public enum RetryAfterFormat
{
    /// <summary>As OpenAI does: <c>retry-after-ms</c> beside <c>Retry-After</c> in whole seconds (rounded up).</summary>
    SecondsAndMilliseconds,
    /// <summary>Only <c>Retry-After</c>, in whole seconds (rounded up).</summary>
    Seconds,
    /// <summary>Only <c>Retry-After</c>, as an HTTP date at least the wait from now (rounded up to the second).</summary>
    HttpDate,
}

/// <summary>A failure the fake plays on the next request(s) instead of (or around) its normal answer.</summary>
public sealed record FakeFault(FakeFaultKind Kind)
{
    /// <summary>Zero: no Retry-After (except on <see cref="FakeFaultKind.RateLimited"/>, which always sends one).</summary>
    public TimeSpan RetryAfter { get; init; }
    public RetryAfterFormat RetryAfterFormat { get; init; }
    public int Status { get; init; } = 500;
    public TimeSpan FirstByteDelay { get; init; }
    public TimeSpan ChunkDelay { get; init; }

    public static FakeFault RateLimited(TimeSpan retryAfter, RetryAfterFormat format = RetryAfterFormat.SecondsAndMilliseconds) =>
        new(FakeFaultKind.RateLimited) { RetryAfter = retryAfter, RetryAfterFormat = format, Status = 429 };
    public static FakeFault ServerError(int status = 500) => new(FakeFaultKind.ServerError) { Status = status };

    /// <summary>503 Service Unavailable with a Retry-After, as a provider under maintenance or overload answers.</summary>
    public static FakeFault Unavailable(TimeSpan retryAfter, RetryAfterFormat format = RetryAfterFormat.Seconds) =>
        new(FakeFaultKind.ServerError) { Status = 503, RetryAfter = retryAfter, RetryAfterFormat = format };
    public static FakeFault Slow(TimeSpan firstByteDelay, TimeSpan chunkDelay = default) =>
        new(FakeFaultKind.Slow) { FirstByteDelay = firstByteDelay, ChunkDelay = chunkDelay };
    public static FakeFault Garbled() => new(FakeFaultKind.Garbled);
    public static FakeFault MidStreamError() => new(FakeFaultKind.MidStreamError);
    public static FakeFault ConnectionReset() => new(FakeFaultKind.ConnectionReset);
}
