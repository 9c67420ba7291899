using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Analytics;

/// <summary>Admin routes to read and set the minutes saved per use of each suggestion kind, per tenant.</summary>
public static class TimeSavedApi
{
    /// <param name="tenant"><c>/api/admin/tenants/{tenant}</c> (<see cref="Routes.RouteGroups.AdminTenant"/>).</param>
    public static RouteGroupBuilder MapTimeSavedApi(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/time-saved", GetAsync).WithName("GetTimeSaved")
            .WithSummary("The assumptions behind the dashboard's time saved: minutes per use by kind, and the share an edited use saves.");
        tenant.MapPut("/time-saved", PutAsync).WithName("PutTimeSaved")
            .WithSummary("Sets the tenant's minutes saved per use by kind; kinds left out return to the defaults.");
        return tenant;
    }

    private static async Task<Results<Ok<TimeSavedAssumptions>, ProblemHttpResult>> GetAsync(
        string tenant, TenantRegistry tenants, TimeSavedStore store, CancellationToken cancellationToken) =>
        tenants.Find(tenant) is null
            ? UnknownTenant(tenant)
            : TypedResults.Ok(await store.GetAsync(tenant, cancellationToken));

    private static async Task<Results<Ok<TimeSavedAssumptions>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string tenant, TimeSavedRequest? body, TenantRegistry tenants, TimeSavedStore store, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is null)
        {
            return UnknownTenant(tenant);
        }
        if (Invalid(body) is { } invalid)
        {
            return invalid;
        }
        await store.ReplaceAsync(tenant, body!.MinutesPerUse!, cancellationToken);
        return TypedResults.Ok(await store.GetAsync(tenant, cancellationToken));
    }

    /// <summary>The 400 for assumptions that cannot be stored, each field with its message; null when they can.</summary>
    internal static ValidationProblem? Invalid(TimeSavedRequest? body) =>
        TimeSavedStore.Validate(body) is { Count: > 0 } errors
            ? TypedResults.ValidationProblem(errors, title: "The time-saved assumptions were not saved",
                detail: "Fix the fields listed in 'errors'; the stored assumptions are unchanged.")
            : null;

    private static ProblemHttpResult UnknownTenant(string tenant) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown tenant", detail: $"No tenant '{tenant}' is configured.");
}
