using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Helpdesk;

/// <summary>
/// One misbehaviour for one response: a status (with optional Retry-After and body), a delay
/// before answering, an answer held back until released, or a body that is not JSON. Faults apply
/// to the next requests in order.
/// </summary>
public sealed record FakeFault(int? Status = null, string? RetryAfter = null, string? Body = null, TimeSpan? Delay = null, bool Garbled = false, Task? Until = null);

/// <summary>
/// A queue of faults a fake helpdesk serves before behaving normally again; each vendor's fake says how
/// its errors read (<see cref="RateLimitedBody"/>, <see cref="ErrorBody"/>, <see cref="GarbledBody"/>).
/// </summary>
public abstract class FakeHelpdeskFaults
{
    private readonly ConcurrentQueue<FakeFault> _queue = new();

    public int Pending => _queue.Count;

    /// <summary>The vendor's body of a 429.</summary>
    protected abstract string RateLimitedBody { get; }

    /// <summary>A 200 body cut off mid-JSON.</summary>
    protected abstract string GarbledBody { get; }

    /// <summary>The vendor's body of an error status.</summary>
    protected abstract string ErrorBody(int status);

    public void Enqueue(FakeFault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _queue.Enqueue(fault);
        }
    }

    /// <summary>The next <paramref name="times"/> responses are 429 with Retry-After in seconds.</summary>
    public void RateLimit(int times, int retryAfterSeconds) =>
        Enqueue(new FakeFault(429, retryAfterSeconds.ToString(CultureInfo.InvariantCulture), RateLimitedBody), times);

    /// <summary>The next <paramref name="times"/> responses are 429 with Retry-After as an HTTP date.</summary>
    public void RateLimitUntil(int times, DateTimeOffset until) => Enqueue(new FakeFault(429, until.ToString("R"), RateLimitedBody), times);

    /// <summary>The next <paramref name="times"/> responses carry <paramref name="status"/> with the vendor's error body.</summary>
    public void Fail(int status, int times = 1, string? body = null) => Enqueue(new FakeFault(status, Body: body ?? ErrorBody(status)), times);

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

    /// <summary>Plays the next fault, if any. True when it answered (the request goes no further).</summary>
    internal async Task<bool> TryServeAsync(HttpContext http)
    {
        if (!_queue.TryDequeue(out var fault))
        {
            return false;
        }
        try
        {
            if (fault.Delay is { } delay)
            {
                await Task.Delay(delay, http.RequestAborted);
            }
            if (fault.Until is { } until)
            {
                await until.WaitAsync(http.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        if (fault.Garbled)
        {
            await WriteAsync(http, StatusCodes.Status200OK, GarbledBody);
            return true;
        }
        if (fault.Status is not { } status)
        {
            return false;
        }
        if (fault.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter;
        }
        await WriteAsync(http, status, fault.Body ?? ErrorBody(status));
        return true;
    }

    /// <summary>When the account ran dry (<paramref name="retryAfter"/> is set), answers 429 with the vendor's body and Retry-After in whole seconds, never below one.</summary>
    /// <returns>True when it answered.</returns>
    internal async Task<bool> RanDryAsync(HttpContext http, TimeSpan? retryAfter)
    {
        if (retryAfter is not { } wait)
        {
            return false;
        }
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await WriteAsync(http, StatusCodes.Status429TooManyRequests, RateLimitedBody);
        return true;
    }

    internal static Task WriteAsync(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(json);
    }
}

/// <summary>Answers held by <see cref="FakeHelpdeskFaults.Hold"/>; released at the latest when disposed.</summary>
public sealed class FakeHold : IDisposable
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task Released => _released.Task;

    public void Release() => _released.TrySetResult();

    public void Dispose() => Release();
}

/// <summary>One request a fake helpdesk received.</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string? Authorization)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}
