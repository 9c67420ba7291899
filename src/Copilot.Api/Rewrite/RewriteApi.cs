using Copilot.Api.Models;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Rewrite;

public static class RewriteApi
{
    public const int MaxText = 10_000;

    public static WebApplicationBuilder AddRewrite(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RewriteService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRewriteApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/rewrite", PostRewrite)
            .RequireAuthorization(TenantExtensions.SidebarPolicy)
            .WithTags("Rewrite")
            .WithName("PostRewrite")
            .WithSummary("Rewrites the agent's text (expand, shorten, friendlier, more formal, fix grammar, translate), keeping facts, links and placeholders.");
        return app;
    }

    internal static async Task<Results<Ok<RewriteResponse>, ValidationProblem, ProblemHttpResult>> PostRewrite(
        RewriteRequest request, HttpContext http, RewriteService rewrite, ILogger<RewriteService> logger, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var tenant = http.GetTenant();
        try
        {
            var result = await rewrite.RewriteAsync(tenant, request.Action!, request.Text!, request.Language?.Trim(), request.TicketId ?? 0, http.GetAgentId(), cancellationToken);
            return result is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No AI model connected",
                    detail: "Rewriting needs an AI model, and none is configured for this account. Your text is unchanged.")
                : TypedResults.Ok(result);
        }
        catch (ModelException e)
        {
            ModelLog.FellBack(logger, e.Provider, tenant.Id, "rewrite", e.Failure, e.StatusCode);
            if (e.RetryAfter is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "AI model unavailable",
                detail: $"The AI model is unavailable ({ProviderInfo.Reason(e)}); your text is unchanged. Try again shortly.");
        }
    }

    internal static Dictionary<string, string[]> Validate(RewriteRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Action is null || !RewritePrompt.Actions.ContainsKey(r.Action))
        {
            errors["action"] = [$"action must be one of {string.Join(", ", RewritePrompt.Actions.Keys)}."];
        }
        if (string.IsNullOrWhiteSpace(r.Text) || r.Text.Length > MaxText)
        {
            errors["text"] = [$"text must hold 1 to {MaxText} characters."];
        }
        if (r.Action == "translate" && (string.IsNullOrWhiteSpace(r.Language) || r.Language.Trim().Length > 40 || !r.Language.Trim().All(c => char.IsLetter(c) || c is '-' or ' ')))
        {
            errors["language"] = ["translate needs a language: a code such as \"de\" or a name, letters only."];
        }
        return errors;
    }
}
