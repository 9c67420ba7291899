using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Procedures;

/// <summary>
/// Procedures through the admin API (tenant "acme" on the Lumora Home account): validated, versioned, retired, one
/// tenant's never another's; and the one for a ticket's intent is shown with the ticket's assist, as steps.
/// </summary>
public sealed class ProceduresApiTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private const string Steps = "1. Ask for a photo of the damage.\n2. If the item cost under €50, offer a replacement.\n3. Otherwise route the ticket to Returns.";

    [Fact]
    public async Task EverySaveIsANewVersionAndAnUnchangedSaveIsNone()
    {
        var (created, first) = await PutAsync("damaged-item", new { intent = "returns", title = "Damaged item", steps = Steps });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(["Ask for a photo of the damage.", "If the item cost under €50, offer a replacement.", "Otherwise route the ticket to Returns."],
            first.GetProperty("stepList").EnumerateArray().Select(s => s.GetString()));

        var (same, unchanged) = await PutAsync("damaged-item", new { intent = "returns", title = "Damaged item", steps = Steps });
        var (changed, second) = await PutAsync("damaged-item", new { intent = "returns", title = "Damaged item", steps = Steps + "\n4. Tag the ticket damaged." });

        Assert.Equal((HttpStatusCode.OK, 1), (same, unchanged.GetProperty("version").GetInt32()));
        Assert.Equal((HttpStatusCode.OK, 2), (changed, second.GetProperty("version").GetInt32()));
        var (_, history) = await GetAsync("/procedures/damaged-item");
        Assert.Equal([1, 2], history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var (_, v1) = await GetAsync("/procedures/damaged-item/versions/1");
        Assert.Equal(3, v1.GetProperty("stepList").GetArrayLength());
    }

    [Fact]
    public async Task AStepWithATabOrInAnotherScriptIsSaved()
    {
        var (status, _) = await PutAsync("tabbed-steps", new { intent = "returns", title = "Rücksendung – إرجاع", steps = "1.\tCheck the order\tnumber.\n2. اطلب صورة." });

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, status.ToString());
    }

    [Theory]
    [InlineData("Bad Id", "returns", "Title", "1. Step", "id")]
    [InlineData("ok-id", "", "Title", "1. Step", "intent")]
    [InlineData("ok-id", "returns", "", "1. Step", "title")]
    [InlineData("ok-id", "returns", "Title", "", "steps")]
    [InlineData("ok-id", "returns", "Title", "1.\n2.\n3.", "steps")]
    [InlineData("ok-id", "returns", "Title", "- \n- ", "steps")]
    [InlineData("ok-id", "returns", "Title\u0000", "1. Step", "title")]
    [InlineData("ok-id", "returns", "Refunds \u202Esdnufer", "1. Step", "title")]
    [InlineData("ok-id", "returns", "Title", "1. Check the order\u0007\n2. Refund", "steps")]
    public async Task AnInvalidProcedureIs400NamingTheFieldAndStoresNothing(string id, string intent, string title, string steps, string field)
    {
        var before = await fixture.Host.ScalarAsync("SELECT COUNT(*) FROM procedures");

        var (status, problem) = await PutAsync(Uri.EscapeDataString(id), new { intent, title, steps });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await fixture.Host.ScalarAsync("SELECT COUNT(*) FROM procedures"));
    }

    [Fact]
    public async Task TooManyStepsAre400()
    {
        var steps = string.Join("\n", Enumerable.Range(1, 31).Select(i => $"{i}. Step {i}"));

        var (status, problem) = await PutAsync("long-one", new { intent = "returns", title = "Long", steps });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("At most 30 steps", problem.GetProperty("errors").GetProperty("steps")[0].GetString());
    }

    [Fact]
    public async Task ARetiredProcedureIsNoLongerInForceButItsVersionsAreKept()
    {
        await PutAsync("lost-parcel", new { intent = "shipping", title = "Lost parcel", steps = "- Check the tracking.\n- Open a claim with the carrier." });

        using var retire = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Delete, $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/lost-parcel"));

        Assert.Equal(HttpStatusCode.NoContent, retire.StatusCode);
        var (_, current) = await GetAsync("/procedures");
        Assert.DoesNotContain(current.EnumerateArray(), p => p.GetProperty("id").GetString() == "lost-parcel");
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/procedures/lost-parcel")).Status);
        Assert.True((await GetAsync("/procedures/lost-parcel/versions/2")).Body.GetProperty("retired").GetBoolean());
        using var again = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Delete, $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/lost-parcel"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task OneTenantsProceduresAreNotAnothers()
    {
        await PutAsync("acme-only", new { intent = "billing", title = "Acme only", steps = "1. Acme's own step." });

        var (status, other) = await GetAsync("/procedures", CopilotTestHost.OtherTenantId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(other.EnumerateArray(), p => p.GetProperty("id").GetString() == "acme-only");
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/procedures/acme-only", CopilotTestHost.OtherTenantId)).Status);
    }

    [Fact]
    public async Task TheProcedureForTheTicketsIntentIsShownWithItsAssistAsSteps()
    {
        var assist = await fixture.GetJsonAsync<JsonElement>("/api/tickets/114/assist");
        await AssistDisplay.ShowAsync(fixture.Client, assist);
        var intent = await fixture.Host.ScalarTextAsync("SELECT intent FROM suggestions WHERE ticket_id = 114 AND kind = 'summary' ORDER BY rowid DESC LIMIT 1");
        Assert.False(string.IsNullOrEmpty(intent));
        Assert.Empty(assist.GetProperty("procedures").EnumerateArray());
        await PutAsync("ticket-intent", new { intent, title = "For this intent", steps = "1. First do this.\n2. Then that." });
        await PutAsync("other-intent", new { intent = intent + "-not", title = "Not for this ticket", steps = "1. Never shown here." });

        var refreshed = await fixture.GetJsonAsync<JsonElement>("/api/tickets/114/assist?refresh=true");

        var procedure = Assert.Single(refreshed.GetProperty("procedures").EnumerateArray());
        Assert.Equal(("ticket-intent", 1, "For this intent"), (procedure.GetProperty("id").GetString(), procedure.GetProperty("version").GetInt32(), procedure.GetProperty("title").GetString()));
        Assert.Equal(["First do this.", "Then that."], procedure.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        Assert.NotEqual(assist.GetProperty("assistId").GetString(), refreshed.GetProperty("assistId").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(string id, object body)
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Put, $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/{id}", JsonContent.Create(body)));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, string tenant = CopilotTestHost.TenantId)
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, $"/api/admin/tenants/{tenant}{path}"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
