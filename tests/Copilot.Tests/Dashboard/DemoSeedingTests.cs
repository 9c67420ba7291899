using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Demo;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Dashboard;

/// <summary>Demo mode replays history for each demo tenant through the real services, so both dashboards have analytics.</summary>
public sealed class DemoSeedingTests
{
    private const string AdminKey = "demo-seeding-admin-key-0123456789";

    [Fact]
    public async Task BothDemoTenantsGetEightWeeksOfHistoryWorkedByTheirOwnAgents()
    {
        await using var app = await new TestHostBuilder().WithAdminKey(AdminKey).StartAsync();
        var demo = app.Services.GetRequiredService<DemoHelpdesk>();
        var seeder = app.Services.GetRequiredService<DemoAnalyticsSeeder>();
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        var today = DateTimeOffset.UtcNow.UtcDateTime.Date;
        var period = $"from={today.AddDays(-7 * DemoAnalyticsSeeder.Weeks):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";

        var lumora = await AgentsWithHistoryAsync(DemoOptions.TenantId);
        var spokewise = await AgentsWithHistoryAsync(DemoOptions.FreshdeskTenantId);

        Assert.Subset(demo.Zendesk!.Data.Users.Where(u => u.Role == "agent").Select(u => Id(u.Id)).ToHashSet(), lumora);
        // Spokewise's agents, not its admin nor its collaborator.
        Assert.Subset(demo.Freshdesk!.Data.Agents.Where(a => a.Type == "support_agent" && a.Name != "Sofia Jansen").Select(a => Id(a.Id)).ToHashSet(), spokewise);
        Assert.True(spokewise.Count >= 3, string.Join(", ", spokewise));
        var outcomes = await http.GetFromJsonAsync<JsonElement>($"/api/analytics/outcomes?{period}&tenant={DemoOptions.FreshdeskTenantId}");
        var solved = outcomes.GetProperty("assisted").GetProperty("tickets").GetInt32() + outcomes.GetProperty("unassisted").GetProperty("tickets").GetInt32();
        Assert.InRange(solved, 1, demo.Freshdesk.Data.Tickets.Count(t => t.Status is 4 or 5));

        async Task<HashSet<string>> AgentsWithHistoryAsync(string tenant)
        {
            await seeder.Completion(tenant).WaitAsync(TimeSpan.FromMinutes(4));
            var summary = await http.GetFromJsonAsync<JsonElement>($"/api/analytics/summary?{period}&groupBy=agent&tenant={tenant}");
            var rows = summary.GetProperty("rows").EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            Assert.True(rows.Sum(r => r.GetProperty("accepted").GetInt64()) > 0, $"{tenant}: nothing accepted");
            return rows.Select(r => r.GetProperty("key").GetString()!).ToHashSet();
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
