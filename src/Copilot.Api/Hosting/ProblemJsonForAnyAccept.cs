using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Hosting;

/// <summary>
/// The last of the problem writers: a problem for a request whose <c>Accept</c> names no JSON type (the streaming
/// routes' <c>text/event-stream</c>, a browser's <c>text/html</c>) is still written as <c>application/problem+json</c>.
/// The framework's own writer declines such requests, and a 401, 404 or 415 then went out as plain text or with no
/// body at all. Writers are asked in order, so a request that accepts JSON is written by the framework's.
/// </summary>
internal sealed class ProblemJsonForAnyAccept(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        context.ProblemDetails.Status ??= http.Response.StatusCode;
        // The framework's defaults for the status (type and title), as its own writer applies them.
        var problem = TypedResults.Problem(context.ProblemDetails).ProblemDetails;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
