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
                var wait = fault.RetryAfter;
                http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                http.Response.Headers["retry-after-ms"] = ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                await FakeOpenAIWire.WriteErrorAsync(http, 429, "Rate limit reached. Please try again later.", "requests", "rate_limit_exceeded");
                return true;
            case FakeFaultKind.ServerError:
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
