using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.OpenAI;

/// <summary>Plays the faults that replace a normal answer before anything was written.</summary>
internal static class FakeOpenAIFaults
{
    /// <summary>True when the fault fully answered the request.</summary>
    public static async Task<bool> PlayBeforeAnswerAsync(FakeFault? fault, HttpContext http, bool streaming)
    {
        switch (fault?.Kind)
        {
            case FakeFaultKind.RateLimited:
                SetRetryAfter(http.Response.Headers, fault);
                await FakeOpenAIWire.WriteErrorAsync(http, 429, "Rate limit reached. Please try again later.", "requests", "rate_limit_exceeded");
                return true;
            case FakeFaultKind.ServerError:
                if (fault.RetryAfter > TimeSpan.Zero)
                {
                    SetRetryAfter(http.Response.Headers, fault);
                }
                await FakeOpenAIWire.WriteErrorAsync(http, fault.Status, "The server had an error while processing your request.", "server_error");
                return true;
            case FakeFaultKind.Slow:
                await DelayAsync(fault.FirstByteDelay, http);
                return http.RequestAborted.IsCancellationRequested;
            case FakeFaultKind.Garbled when !streaming:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"id\": \"chatcmpl-garbled\", \"choices\": [ {\"index\": 0, \"mess", http.RequestAborted);
                return true;
            case FakeFaultKind.MidStreamError when !streaming:
                await FakeOpenAIWire.WriteErrorAsync(http, 500, "The server had an error while processing your request.", "server_error");
                return true;
            case FakeFaultKind.ConnectionReset when !streaming:
                http.Abort();
                return true;
            default:
                return false;
        }
    }

    private static void SetRetryAfter(IHeaderDictionary headers, FakeFault fault)
    {
        var wait = fault.RetryAfter;
        switch (fault.RetryAfterFormat)
        {
            case RetryAfterFormat.HttpDate:
                // An HTTP date has whole seconds: round up so the client is never told less than the wait.
                var at = DateTimeOffset.UtcNow + wait;
                var whole = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
                headers.RetryAfter = (whole < at ? whole.AddSeconds(1) : whole).ToString("R", CultureInfo.InvariantCulture);
                break;
            case RetryAfterFormat.Seconds:
                headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                break;
            default:
                headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                headers["retry-after-ms"] = ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                break;
        }
    }

    public static async Task DelayAsync(TimeSpan delay, HttpContext http)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        try
        {
            await Task.Delay(delay, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up; nothing left to answer.
        }
    }
}
