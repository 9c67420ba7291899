using Copilot.Api.Auth;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Rewrite;

public static class RewriteApi
{
    public const int MaxText = 10_000;

    public static WebApplicationBuilder AddRewrite(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Offline.OfflineRewriter>();
        builder.Services.AddSingleton<RewriteService>();
        return builder;
    }

    /// <param name="rewrite"><c>/api/rewrite</c> (<see cref="Routes.RouteGroups.Rewrite"/>).</param>
    public static RouteGroupBuilder MapRewriteApi(this RouteGroupBuilder rewrite)
    {
        rewrite.MapPost("", PostRewrite)
            .WithName("PostRewrite")
            .WithSummary("Rewrites the agent's text (expand, shorten, friendlier, more formal, fix grammar, translate), keeping facts, links and placeholders; offline rules answer without a model or when it fails.");
        return rewrite;
    }

    /// <summary>
    /// 200 whoever answered: the model, or the offline rules (no model, or the model failed) with
    /// <c>provider</c> saying so. An offline translate is 200 too, unchanged, with a note: the request
    /// was valid and the agent's text is intact; <c>changed: false</c> tells the sidebar.
    /// </summary>
    internal static async Task<Results<Ok<RewriteResponse>, ValidationProblem>> PostRewrite(
        RewriteRequest request, HttpContext http, RewriteService rewrite, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await rewrite.RewriteAsync(http.GetTenant(), request.Action!, request.Text!, request.Language?.Trim(), request.TicketId ?? 0, http.GetAgentId(), cancellationToken);
        return TypedResults.Ok(result);
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
