using System.Text.Json;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Hosting;

/// <summary>
/// Turns the failures a handler may let through into problem+json: a helpdesk that failed
/// (502, or 503 with Retry-After when it rate-limited us), and a request we could not read.
/// </summary>
internal sealed class CopilotExceptionHandler(IProblemDetailsService problems, ILogger<CopilotExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            HelpdeskException { IsRateLimited: true } h => RateLimited(http, h),
            HelpdeskException h => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Title = $"The helpdesk ({h.Helpdesk}) failed",
                Detail = h.StatusCode is { } s ? $"{h.Helpdesk} answered {s}: {h.Message}" : $"{h.Helpdesk} could not be reached: {h.Message}",
            },
            BadHttpRequestException b => BadRequest(b),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        if (exception is HelpdeskException he)
        {
            logger.LogWarning("Helpdesk {Helpdesk} failed with status {Status}", he.Helpdesk, he.StatusCode);
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails RateLimited(HttpContext http, HelpdeskException h)
    {
        var wait = (int)Math.Ceiling((h.RetryAfter ?? TimeSpan.FromSeconds(30)).TotalSeconds);
        http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = $"The helpdesk ({h.Helpdesk}) is rate limiting us",
            Detail = $"{h.Helpdesk} asked us to wait {wait} s; try again after that.",
        };
    }

    private static ProblemDetails BadRequest(BadHttpRequestException b)
    {
        var problem = new ProblemDetails
        {
            Status = b.StatusCode,
            Title = b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request",
            Detail = b.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"The body may be at most {HostingExtensions.MaxRequestBodyBytes} bytes."
                : b.Message,
        };
        if (b.InnerException is JsonException { Path: { } path } json)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [path] = [json.Message] };
        }
        return problem;
    }
}
