using System.Text.Json;
using Copilot.Api.Auth;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Copilot.Api.Health;

/// <summary>
/// The health report as JSON in the layout ASP.NET Core health-check clients read (<c>status</c>,
/// <c>totalDuration</c>, <c>entries</c> by check name). Per-tenant <c>data</c> is for operators holding the
/// admin key; everyone else sees statuses and counts, never tenant ids or errors.
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        var admin = await IsAdminAsync(http);
        var body = new
        {
            status = report.Status.ToString(),
            totalDuration = report.TotalDuration.ToString(),
            entries = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                duration = e.Value.Duration.ToString(),
                tags = e.Value.Tags,
                data = admin && e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        };
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, body, Json, http.RequestAborted);
    }

    private static async Task<bool> IsAdminAsync(HttpContext http)
    {
        if (!http.Request.Headers.ContainsKey(AdminKeyHandler.Header))
        {
            return false;
        }
        var result = await http.AuthenticateAsync(AuthSchemes.AdminKey);
        return result.Succeeded && result.Principal.IsInRole("admin");
    }
}
