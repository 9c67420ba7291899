using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.ModelTasks;
using Copilot.Api.Store;
using Copilot.Api.Tenants;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Admin;

public sealed record TenantStatus(
    string Id, string Helpdesk, string BaseUrl, string Auth, bool IncludeInternalNotes, long Suggestions, long FeedbackEvents, EmbeddingStatus Embeddings);

/// <summary>Semantic search readiness: the model, and how many of the tenant's passages it has read so far (null model: keyword search only).</summary>
public sealed record EmbeddingStatus(string? Model, long Passages, long Embedded);

public static class AdminApi
{
    /// <param name="admin"><c>/api/admin</c> (<see cref="Routes.RouteGroups.Admin"/>).</param>
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/tenants", ListTenants).WithName("ListTenants").WithSummary("Configured tenants and what the copilot has recorded for each.");
        admin.MapGet("/tenants/{tenant}", GetTenant).WithName("GetTenant");
        return admin;
    }

    internal static async Task<Ok<List<TenantStatus>>> ListTenants(
        TenantRegistry tenants, Db db, TenantModels models, PassageVectors vectors, CancellationToken cancellationToken)
    {
        var result = new List<TenantStatus>();
        foreach (var tenant in tenants.All)
        {
            result.Add(await StatusAsync(tenant, db, models, vectors, cancellationToken));
        }
        return TypedResults.Ok(result);
    }

    internal static async Task<Results<Ok<TenantStatus>, ProblemHttpResult>> GetTenant(
        string tenant, TenantRegistry tenants, Db db, TenantModels models, PassageVectors vectors, CancellationToken cancellationToken) =>
        tenants.Find(tenant) is { } t
            ? TypedResults.Ok(await StatusAsync(t, db, models, vectors, cancellationToken))
            : UnknownTenant(tenant);

    public static ProblemHttpResult UnknownTenant(string tenant) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tenant not found", detail: $"No tenant '{tenant}' is configured.");

    private static async Task<TenantStatus> StatusAsync(Tenant tenant, Db db, TenantModels models, PassageVectors vectors, CancellationToken cancellationToken)
    {
        var (passages, embedded) = await vectors.ProgressAsync(tenant, cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(long Suggestions, long Feedback)>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM suggestions WHERE tenant = @id), (SELECT COUNT(*) FROM feedback WHERE tenant = @id)",
            new { id = tenant.Id }, cancellationToken: cancellationToken));
        var auth = string.IsNullOrEmpty(tenant.Options.OAuthToken) ? "api-token" : "oauth";
        return new TenantStatus(tenant.Id, tenant.Options.Helpdesk, tenant.Connection.BaseUrl.GetLeftPart(UriPartial.Authority), auth,
            tenant.Options.IncludeInternalNotes, counts.Suggestions, counts.Feedback, new EmbeddingStatus(models.Embedder(tenant)?.Model, passages, embedded));
    }
}
