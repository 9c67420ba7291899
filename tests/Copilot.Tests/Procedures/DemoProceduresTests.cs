using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Procedures;

/// <summary>The demo accounts come with their sample companies' procedures, saved once: an admin's change outlives a restart.</summary>
public sealed class DemoProceduresTests
{
    private static Task<TestApp> StartDemoAsync(string store) => new TestHostBuilder()
        .With("Copilot:Demo:SeedAnalytics", "false")
        .WithAdminKey(CopilotTestHost.AdminKey)
        .WithStore(store)
        .StartAsync();

    private static async Task<JsonElement> ProceduresAsync(TestApp app, string tenant)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/tenants/{tenant}/procedures");
        request.Headers.Add("X-Admin-Key", CopilotTestHost.AdminKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task EachDemoTenantHasItsSampleProceduresAndAnAdminsRetirementIsKeptAcrossARestart()
    {
        var dir = Directory.CreateTempSubdirectory("copilot-demo-procedures-").FullName;
        var store = Path.Combine(dir, "copilot.db");
        try
        {
            await using (var first = await StartDemoAsync(store))
            {
                var lumora = await ProceduresAsync(first, "demo");
                Assert.Equal(["late-parcel", "return-30-days"], lumora.EnumerateArray().Select(p => p.GetProperty("id").GetString()).Order());
                var late = lumora.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "late-parcel");
                Assert.Equal("shipping", late.GetProperty("intent").GetString());
                Assert.Equal(4, late.GetProperty("stepList").GetArrayLength());
                var spokewise = await ProceduresAsync(first, "demo-freshdesk");
                Assert.Equal(["out-of-zone-fee", "ride-did-not-end"], spokewise.EnumerateArray().Select(p => p.GetProperty("id").GetString()).Order());

                using var client = first.CreateClient();
                using var retire = new HttpRequestMessage(HttpMethod.Delete, "/api/admin/tenants/demo/procedures/late-parcel");
                retire.Headers.Add("X-Admin-Key", CopilotTestHost.AdminKey);
                using var retired = await client.SendAsync(retire);
                Assert.True(retired.IsSuccessStatusCode, retired.StatusCode.ToString());
            }

            // The tenant has procedures (one retired by its admin): nothing is saved again.
            await using var second = await StartDemoAsync(store);
            Assert.Equal(["return-30-days"], (await ProceduresAsync(second, "demo")).EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestApp.DeleteDirectory(dir);
        }
    }
}
