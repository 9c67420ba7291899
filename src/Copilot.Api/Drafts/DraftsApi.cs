using Copilot.Api.Assist;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Drafts;

public static class DraftsApi
{
    public static WebApplicationBuilder AddDrafts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DraftService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDraftsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/tickets")
            .RequireAuthorization(TenantExtensions.SidebarPolicy)
            .WithTags("Drafts")
            .MapPost("/{id:long}/draft", PostDraft)
            .WithName("PostDraft")
            .WithSummary("A reply draft grounded in the ticket's knowledge, or the reason there is none.");
        return app;
    }

    internal static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> PostDraft(
        long id, HttpContext http, AssistService assist, DraftService drafts, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return AssistApi.TicketNotFound(id);
        }
        var tenant = http.GetTenant();
        var agent = http.GetAgentId();
        if (await assist.GetAsync(tenant, id, latestCommentId: null, refresh: false, agent, cancellationToken) is not { } result)
        {
            return AssistApi.TicketNotFound(id);
        }
        return TypedResults.Ok(await drafts.DraftAsync(tenant, result.Context, agent, cancellationToken));
    }
}
