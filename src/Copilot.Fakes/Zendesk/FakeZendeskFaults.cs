using System.Collections.Concurrent;

namespace Copilot.Fakes.Zendesk;

/// <summary>
/// One misbehaviour for one response: a status (with optional Retry-After and body), a delay
/// before answering, an answer held back until released, or a body that is not JSON. Faults apply
/// to the next requests in order.
/// </summary>
public sealed record FakeFault(int? Status = null, string? RetryAfter = null, string? Body = null, TimeSpan? Delay = null, bool Garbled = false, Task? Until = null);

/// <summary>A queue of faults the fake serves before behaving normally again.</summary>
public sealed class FakeZendeskFaults
{
    private readonly ConcurrentQueue<FakeFault> _queue = new();

    public int Pending => _queue.Count;

    public void Enqueue(FakeFault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _queue.Enqueue(fault);
        }
    }

    /// <summary>The next <paramref name="times"/> responses are 429 with Retry-After in seconds.</summary>
    public void RateLimit(int times, int retryAfterSeconds) =>
        Enqueue(new FakeFault(429, retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            """{"error":"APIRateLimitExceeded","description":"Number of allowed API requests per minute exceeded"}"""), times);

    /// <summary>The next <paramref name="times"/> responses are 429 with Retry-After as an HTTP date.</summary>
    public void RateLimitUntil(int times, DateTimeOffset until) =>
        Enqueue(new FakeFault(429, until.ToString("R"),
            """{"error":"APIRateLimitExceeded","description":"Number of allowed API requests per minute exceeded"}"""), times);

    /// <summary>The next <paramref name="times"/> responses carry <paramref name="status"/> with a Zendesk-style error body.</summary>
    public void Fail(int status, int times = 1, string? body = null) =>
        Enqueue(new FakeFault(status, Body: body ?? status switch
        {
            503 => """{"error":"ServiceUnavailable","description":"Zendesk is temporarily unavailable"}""",
            _ => """{"error":"InternalError","description":"Something went wrong on our side"}""",
        }), times);

    /// <summary>The next <paramref name="times"/> responses are held back for <paramref name="delay"/>.</summary>
    public void Slow(TimeSpan delay, int times = 1) => Enqueue(new FakeFault(Delay: delay), times);

    /// <summary>
    /// The next <paramref name="times"/> responses wait until the returned hold is released (or disposed),
    /// then answer normally: a helpdesk that is slow for exactly as long as a test wants, on no clock.
    /// </summary>
    public FakeHold Hold(int times = 1)
    {
        var hold = new FakeHold();
        Enqueue(new FakeFault(Until: hold.Released), times);
        return hold;
    }

    /// <summary>The next <paramref name="times"/> responses are 200 with a body that is not JSON.</summary>
    public void Garble(int times = 1) => Enqueue(new FakeFault(Garbled: true), times);

    public void Clear() => _queue.Clear();

    internal bool TryTake(out FakeFault fault) => _queue.TryDequeue(out fault!);
}

/// <summary>Answers held by <see cref="FakeZendeskFaults.Hold"/>; released at the latest when disposed.</summary>
public sealed class FakeHold : IDisposable
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task Released => _released.Task;

    public void Release() => _released.TrySetResult();

    public void Dispose() => Release();
}

/// <summary>One request the fake received.</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string? Authorization)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}
