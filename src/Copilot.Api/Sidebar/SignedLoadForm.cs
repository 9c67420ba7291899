using Copilot.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Sidebar;

/// <summary>
/// Reads the <c>token</c> field of a signed load (Zendesk POSTs it as a form). A body that is not
/// a readable form — malformed multipart, a boundary missing or too long, more fields or longer
/// values than the form limits allow — is a 400 problem, never an exception.
/// </summary>
internal static class SignedLoadForm
{
    /// <summary>A signed-load route in the OpenAPI document: its form, and the token in it as its caller's proof.</summary>
    public static RouteHandlerBuilder WithSignedLoadForm(this RouteHandlerBuilder route) => route
        .DescribesBody("The form Zendesk posts with the first load of a signed location.",
            OpenApiBodies.Fields(("token", "Zendesk's RS256 JWT for this load")), "application/x-www-form-urlencoded", "multipart/form-data")
        .WithMetadata(Auth.CallerProofs.SignedLoad);

    public static async Task<(string? Token, ProblemHttpResult? Problem)> ReadTokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, SidebarEndpoints.Problem(StatusCodes.Status400BadRequest, "Expected a form post",
                "Zendesk posts the signed load as a form with a 'token' field."));
        }
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (form["token"].ToString(), null);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException and not BadHttpRequestException)
        {
            // A body over the limit (BadHttpRequestException) goes on to the exception handler as a 413, like any other route's.
            // The form reader's own words ("Form value count limit 1024 exceeded.", "Missing content-type boundary.",
            // "Unexpected end of Stream" for multipart cut short).
            return (null, SidebarEndpoints.Problem(StatusCodes.Status400BadRequest, "Unreadable form", e.Message));
        }
    }
}
