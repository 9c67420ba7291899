using System.Text.Json;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Hosting;

/// <summary>
/// Turns the failures a handler may let through into problem+json: a helpdesk that failed (502),
/// or one we know when to try again (503 with Retry-After: it rate-limited us, it is down for a
/// stated time, its breaker is open), work that needs longer (503 with Retry-After), a store that could
/// not complete the request (503 with Retry-After: nothing of the request was kept), and a request we could not read.
/// </summary>
internal sealed class CopilotExceptionHandler(IProblemDetailsService problems, ILogger<CopilotExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            HelpdeskException { RetryAfter: { } wait } h => Unavailable(http, wait,
                h.IsRateLimited ? $"The helpdesk ({h.Helpdesk}) is rate limiting us" : $"The helpdesk ({h.Helpdesk}) is unavailable", h.Message),
            RetryLaterException r => Unavailable(http, r.RetryAfter, r.Title, r.Message),
            HelpdeskException h => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Title = $"The helpdesk ({h.Helpdesk}) failed",
                Detail = h.StatusCode is { } s ? $"{h.Helpdesk} answered {s}: {h.Message}" : $"{h.Helpdesk} could not be reached: {h.Message}",
            },
            BadHttpRequestException b => BadRequest(b),
            System.Data.Common.DbException => Unavailable(http, StoreRetryAfter, "The store is unavailable",
                "Copilot could not read or write its store, and kept nothing of this request"),
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
        else if (exception is Microsoft.Data.Sqlite.SqliteException se)
        {
            // The code and the route, not the message: it may quote the statement's values.
            logger.LogError("The store failed with SQLite error {Code} ({Extended}) on {Method} {Route}", se.SqliteErrorCode, se.SqliteExtendedErrorCode,
                http.Request.Method, (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
        }
        else if (exception is System.Data.Common.DbException de)
        {
            // PostgreSQL: its SQLSTATE (08…: no connection, 57P…: shutting down), never the message, which may quote values.
            logger.LogError("The store failed with PostgreSQL state {State} on {Method} {Route}", de.SqlState ?? "(none: no answer)",
                http.Request.Method, (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
            if (de is Npgsql.NpgsqlException { IsTransient: true })
            {
                http.RequestServices.GetRequiredService<Store.Db>().Forget();
            }
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static readonly TimeSpan StoreRetryAfter = TimeSpan.FromSeconds(5);

    private static ProblemDetails Unavailable(HttpContext http, TimeSpan retryAfter, string title, string reason)
    {
        var wait = RetryAfter.Seconds(retryAfter);
        http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = title,
            Detail = $"{reason.TrimEnd('.')}. Try again in {wait} s.",
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
            var word = NotAWord(json);
            if (word is not null)
            {
                problem.Detail = $"{path}: {word}";
            }
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [path] = [word ?? json.Message] };
        }
        return problem;
    }

    /// <summary>A value that is not a word of the vocabulary, said with the words it may be; null for any other failure.</summary>
    private static string? NotAWord(JsonException json) =>
        Vocabulary.VocabularyOpenApi.Enums.FirstOrDefault(e => json.Message.Contains($" converted to {e.FullName}.", StringComparison.Ordinal)) is { } type
            ? $"not a {type.Name}; one of: {string.Join(", ", Vocabulary.VocabularyOpenApi.Names(type))}."
            : null;
}
