using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Hosting;

/// <summary>
/// The words of a bare 401 or 403. An authorization policy answers with a status alone, which the status-code pages
/// write as problem+json titled by the status; a scheme that knows why it refused the caller sets this on the request,
/// and that problem takes its title and detail (<see cref="HostingExtensions.AddCopilotHosting"/>).
/// </summary>
public sealed record RefusalText(int Status, string Title, string Detail)
{
    public void SetOn(HttpContext http) => http.Features.Set(this);

    /// <summary>Words for a problem of the same status that has none of its own (a handler's problems keep theirs).</summary>
    internal static void Apply(HttpContext http, ProblemDetails problem)
    {
        if (http.Features.Get<RefusalText>() is { } text && problem.Status == text.Status && problem.Detail is null)
        {
            problem.Title = text.Title;
            problem.Detail = text.Detail;
        }
    }
}
