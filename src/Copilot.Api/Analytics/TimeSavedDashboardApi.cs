using Copilot.Api.Auth;
using Copilot.Api.Tenants;
using Copilot.Api.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Analytics;

/// <summary>
/// The time-saved assumptions in the dashboard, for the session's own tenant: team leads and admins read them beside
/// the figures they produce; a helpdesk admin changes them there (the same rules as the admin-key route).
/// </summary>
public static class TimeSavedDashboardApi
{
    /// <param name="dashboard"><c>/api/dashboard</c> for team leads and admins (<see cref="Routes.RouteGroups.Dashboard"/>).</param>
    public static RouteGroupBuilder MapTimeSavedReadApi(this RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/time-saved", GetAsync).WithName("GetDashboardTimeSaved")
            .WithSummary("The tenant's time-saved assumptions with their defaults and limits, and whether this session may change them (admins).");
        return dashboard;
    }

    /// <param name="dashboardAdmin"><c>/api/dashboard</c> for helpdesk admins (<see cref="Routes.RouteGroups.DashboardAdmin"/>).</param>
    public static RouteGroupBuilder MapTimeSavedEditApi(this RouteGroupBuilder dashboardAdmin)
    {
        dashboardAdmin.MapPut("/time-saved", PutAsync).WithName("PutDashboardTimeSaved")
            .WithSummary("Sets the tenant's minutes saved per use by kind; kinds left out return to the defaults. Helpdesk admins only.");
        return dashboardAdmin;
    }

    private static async Task<Ok<DashboardTimeSaved>> GetAsync(HttpContext http, TimeSavedStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadAsync(http, store, cancellationToken));

    private static async Task<Results<Ok<DashboardTimeSaved>, ValidationProblem>> PutAsync(
        HttpContext http, TimeSavedRequest? body, TimeSavedStore store, CancellationToken cancellationToken)
    {
        if (TimeSavedApi.Invalid(body) is { } invalid)
        {
            return invalid;
        }
        await store.ReplaceAsync(http.GetTenant().Id, body!.MinutesPerUse!, cancellationToken);
        return TypedResults.Ok(await ReadAsync(http, store, cancellationToken));
    }

    private static async Task<DashboardTimeSaved> ReadAsync(HttpContext http, TimeSavedStore store, CancellationToken cancellationToken) =>
        new(await store.GetAsync(http.GetTenant().Id, cancellationToken), store.Defaults(), TimeSavedStore.MaxMinutes,
            CanEdit: http.User.IsInRole(AuthRoles.Admin));
}

/// <summary>The assumptions as the dashboard shows them: what is assumed, the defaults a kind returns to, the largest value, and who may edit.</summary>
public sealed record DashboardTimeSaved(
    TimeSavedAssumptions Assumptions,
    IReadOnlyDictionary<SuggestionKind, double> Defaults,
    double MaxMinutes,
    bool CanEdit);
