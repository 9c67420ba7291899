using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Procedures;

/// <summary>A procedure as the admin API shows it: its version in force (or the one asked for), and its steps one by one.</summary>
public sealed record ProcedureDto(string Id, int Version, string Intent, string Title, string Steps, IReadOnlyList<string> StepList, bool Retired, DateTimeOffset CreatedAt)
{
    public static ProcedureDto From(Procedure p) => new(p.Id, p.Version, p.Intent, p.Title, p.Steps, p.StepList, p.Retired, p.CreatedAt);
}

/// <summary>A procedure with the history of its versions, oldest first.</summary>
public sealed record ProcedureHistoryDto(ProcedureDto Current, IReadOnlyList<ProcedureDto> Versions);

/// <summary>
/// Admin routes for a tenant's procedures: the steps agents follow per intent, in Markdown, each save a new version.
/// Bad input is a 400 with the fields named and stores nothing.
/// </summary>
public static class ProceduresApi
{
    public static WebApplicationBuilder AddProcedures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProcedureStore>();
        builder.Services.AddSingleton<Matching.ProcedureVectors>();
        builder.Services.AddSingleton<Matching.ProcedureMatcher>();
        builder.Services.AddSingleton<ProcedureAnalytics>();
        return builder;
    }

    /// <param name="tenant"><c>/api/admin/tenants/{tenant}</c> (<see cref="Routes.RouteGroups.AdminTenant"/>).</param>
    public static RouteGroupBuilder MapProceduresApi(this RouteGroupBuilder tenant)
    {
        var group = tenant.MapGroup("/procedures");
        group.MapGet("/", List).WithName("GetProcedures").WithSummary("The tenant's procedures in force, each at its newest version.");
        group.MapGet("/analytics", Analytics).WithName("GetProcedureAnalytics")
            .WithSummary("Per procedure over the last `days` days (default 30, at most 366): shown, drafts under it and their outcomes, actions approved and declined.");
        group.MapGet("/{id}", History).WithName("GetProcedure").WithSummary("A procedure in force, with every version it had.");
        group.MapGet("/{id}/versions/{version:int}", Version).WithName("GetProcedureVersion").WithSummary("One version of a procedure.");
        group.MapPut("/{id}", Put).WithName("PutProcedure")
            .WithSummary("Saves a procedure as its next version (201 when new, 200 when it changed or was the same).")
            .WithDescription("Body: intent, title and steps (Markdown, a numbered or bulleted list). A save that changes nothing adds no version.");
        group.MapDelete("/{id}", Retire).WithName("RetireProcedure").WithSummary("Takes a procedure out of use; its versions are kept.");
        return tenant;
    }

    internal static async Task<Results<Ok<IReadOnlyList<ProcedureDto>>, ProblemHttpResult>> List(
        string tenant, TenantRegistry tenants, ProcedureStore store, CancellationToken cancellationToken) =>
        tenants.Find(tenant) is null ? UnknownTenant(tenant)
        : TypedResults.Ok<IReadOnlyList<ProcedureDto>>((await store.CurrentAsync(tenant, cancellationToken)).Select(ProcedureDto.From).ToList());

    internal static async Task<Results<Ok<IReadOnlyList<ProcedureFigures>>, ProblemHttpResult>> Analytics(
        string tenant, int? days, TenantRegistry tenants, ProcedureAnalytics analytics, TimeProvider time, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is null)
        {
            return UnknownTenant(tenant);
        }
        if (days is < 1 or > 366)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The period is not valid", detail: "days is a whole number from 1 to 366.");
        }
        var to = time.GetUtcNow();
        return TypedResults.Ok(await analytics.RunAsync(tenant, to.AddDays(-(days ?? 30)), to.AddTicks(1), cancellationToken));
    }

    internal static async Task<Results<Ok<ProcedureHistoryDto>, ProblemHttpResult>> History(
        string tenant, string id, TenantRegistry tenants, ProcedureStore store, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is null)
        {
            return UnknownTenant(tenant);
        }
        var versions = await store.VersionsAsync(tenant, id, cancellationToken);
        return versions.Count == 0 || versions[^1].Retired
            ? NotFound(id)
            : TypedResults.Ok(new ProcedureHistoryDto(ProcedureDto.From(versions[^1]), versions.Select(ProcedureDto.From).ToList()));
    }

    internal static async Task<Results<Ok<ProcedureDto>, ProblemHttpResult>> Version(
        string tenant, string id, int version, TenantRegistry tenants, ProcedureStore store, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is null)
        {
            return UnknownTenant(tenant);
        }
        var found = (await store.VersionsAsync(tenant, id, cancellationToken)).FirstOrDefault(v => v.Version == version);
        return found is null ? NotFound($"{id} version {version}") : TypedResults.Ok(ProcedureDto.From(found));
    }

    internal static async Task<Results<Created<ProcedureDto>, Ok<ProcedureDto>, ValidationProblem, ProblemHttpResult>> Put(
        string tenant, string id, PutProcedureRequest? body, TenantRegistry tenants, ProcedureStore store, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is null)
        {
            return UnknownTenant(tenant);
        }
        var errors = ProcedureValidator.Validate(id, body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The procedure was not saved", detail: "Fix the fields listed in 'errors'; the stored procedure is unchanged.");
        }
        var (saved, created) = await store.SaveAsync(tenant, id, body!.Intent!.Trim(), body.Title!.Trim(), body.Steps!.Trim(), cancellationToken);
        var dto = ProcedureDto.From(saved);
        return created && saved.Version == 1
            ? TypedResults.Created($"/api/admin/tenants/{tenant}/procedures/{id}", dto)
            : TypedResults.Ok(dto);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Retire(
        string tenant, string id, TenantRegistry tenants, ProcedureStore store, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is null)
        {
            return UnknownTenant(tenant);
        }
        return await store.RetireAsync(tenant, id, cancellationToken) is null ? NotFound(id) : TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such procedure", detail: $"The tenant has no procedure {what} in force.");

    private static ProblemHttpResult UnknownTenant(string tenant) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown tenant", detail: $"No tenant '{tenant}' is configured.");
}
