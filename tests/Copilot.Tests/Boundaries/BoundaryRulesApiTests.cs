using Copilot.Api.Boundaries;
using Copilot.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Copilot.Tests.Boundaries;

/// <summary>The admin routes over real HTTP, against the real host and a fresh SQLite file.</summary>
public sealed class BoundaryRulesApiTests : IAsyncLifetime
{
    private const string AdminKey = "test-admin-key-0123456789";
    private const string Rules = "/api/admin/tenants/acme/boundary-rules";
    private TestApp _app = null!;
        private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = await new TestHostBuilder()
            .WithAdminKey(AdminKey)
            .WithTenant("acme", new Uri("http://127.0.0.1:9"), "0123456789abcdef0123456789abcdef-secret", "agent@acme.example")
            .StartAsync();
        _http = _app.CreateClient();
        _http.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private static JsonObject Rule(string id, string phrase, string action = "handoff") => new()
    {
        ["id"] = id, ["name"] = $"Rule {id}", ["action"] = action, ["kind"] = "phrases",
        ["phrases"] = new JsonObject { ["en"] = new JsonArray(phrase) },
    };

    private async Task<JsonObject> ReadJson(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task ATenantWithoutStoredRulesGetsTheDefaults()
    {
        var response = await _http.GetAsync(Rules);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJson(response);
        Assert.Equal("default", (string?)body["source"]);
        Assert.Equal(BoundaryRule.Defaults.Count, body["rules"]!.AsArray().Count);
        Assert.Equal("billing-dispute", (string?)body["rules"]![0]!["id"]);
    }

    [Fact]
    public async Task PutReplacesTheWholeListAndGetReturnsIt()
    {
        var put = await _http.PutAsJsonAsync(Rules, new JsonObject { ["rules"] = new JsonArray(Rule("vip", "enterprise contract", "caution")) });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var body = await ReadJson(await _http.GetAsync(Rules));

        Assert.Equal("custom", (string?)body["source"]);
        var rule = Assert.Single(body["rules"]!.AsArray())!;
        Assert.Equal("vip", (string?)rule["id"]);
        Assert.Equal("caution", (string?)rule["action"]);
        Assert.Equal("enterprise contract", (string?)rule["phrases"]!["en"]![0]);
    }

    [Fact]
    public async Task AnInvalidPutIsAProblemWithFieldErrorsAndChangesNothing()
    {
        await _http.PutAsJsonAsync(Rules, new JsonObject { ["rules"] = new JsonArray(Rule("vip", "enterprise contract")) });
        var bad = Rule("broken", "x");
        bad["patterns"] = new JsonObject { ["en"] = new JsonArray("(unclosed") };

        var response = await _http.PutAsJsonAsync(Rules, new JsonObject
        {
            ["rules"] = new JsonArray(Rule("dup", "a b"), Rule("dup", "c d"), bad, new JsonObject { ["id"] = "k", ["name"] = "K", ["action"] = "handoff", ["kind"] = "mood" }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ReadJson(response))["errors"]!.AsObject();
        Assert.Contains("rules[1].id", errors.Select(e => e.Key));
        Assert.Contains("rules[2].patterns.en[0]", errors.Select(e => e.Key));
        Assert.Contains("rules[3].kind", errors.Select(e => e.Key));
        var stored = await ReadJson(await _http.GetAsync(Rules));
        Assert.Equal("vip", (string?)Assert.Single(stored["rules"]!.AsArray())!["id"]);
    }

    [Fact]
    public async Task AnUpdateTakesEffectAtOnce()
    {
        var before = await ReadJson(await _http.PostAsJsonAsync($"{Rules}/test", new { text = "We signed an enterprise contract last year." }));
        Assert.Empty(before["warnings"]!.AsArray());

        await _http.PutAsJsonAsync(Rules, new JsonObject { ["rules"] = new JsonArray(Rule("vip", "enterprise contract")) });
        var after = await ReadJson(await _http.PostAsJsonAsync($"{Rules}/test", new { text = "We signed an enterprise contract last year." }));

        Assert.True((bool)after["handoff"]!);
        var warning = Assert.Single(after["warnings"]!.AsArray())!;
        Assert.Equal("vip", (string?)warning["ruleId"]);
        Assert.Equal("We signed an enterprise contract last year.", (string?)warning["evidence"]);
    }

    [Fact]
    public async Task TheTestRouteRunsTheDefaultRules()
    {
        var response = await _http.PostAsJsonAsync($"{Rules}/test", new { text = "Ich werde meinen Anwalt einschalten!!! Das ist eine Frechheit, ihr Abzocker." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJson(response);
        Assert.True((bool)body["handoff"]!);
        Assert.Equal(["legal-threat", "anger"], body["warnings"]!.AsArray().Select(w => (string?)w!["ruleId"]));
    }

    [Fact]
    public async Task TheTestRouteCanTryUnsavedRules()
    {
        var response = await _http.PostAsJsonAsync($"{Rules}/test", new JsonObject
        {
            ["text"] = "Please cancel my subscription.",
            ["rules"] = new JsonArray(Rule("cancellation", "cancel my subscription", "caution")),
        });

        var body = await ReadJson(response);
        Assert.False((bool)body["handoff"]!);
        Assert.Equal("cancellation", (string?)Assert.Single(body["warnings"]!.AsArray())!["ruleId"]);
        Assert.Equal("default", (string?)(await ReadJson(await _http.GetAsync(Rules)))["source"]);
    }

    [Fact]
    public async Task TheTestRouteNeedsText()
    {
        var response = await _http.PostAsJsonAsync($"{Rules}/test", new { text = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text", (await ReadJson(response))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task DeleteRestoresTheDefaults()
    {
        await _http.PutAsJsonAsync(Rules, new JsonObject { ["rules"] = new JsonArray() });
        Assert.Empty((await ReadJson(await _http.GetAsync(Rules)))["rules"]!.AsArray());

        var response = await _http.DeleteAsync(Rules);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default", (string?)(await ReadJson(await _http.GetAsync(Rules)))["source"]);
    }

    [Fact]
    public async Task AnUnknownTenantIsANotFoundProblem()
    {
        var response = await _http.GetAsync("/api/admin/tenants/nobody/boundary-rules");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unknown tenant", (string?)(await ReadJson(response))["title"]);
    }

    [Fact]
    public async Task AdminRoutesRefuseRequestsWithoutTheAdminKey()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };

        var response = await anonymous.PutAsJsonAsync(Rules, new JsonObject { ["rules"] = new JsonArray() });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("default", (string?)(await ReadJson(await _http.GetAsync(Rules)))["source"]);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheRoutes()
    {
        var document = await _http.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/admin/tenants/{tenant}/boundary-rules/test", document);
    }

    [Fact]
    public async Task MalformedJsonIsAProblem()
    {
        using var content = new StringContent("{\"rules\": [ {\"id\": 5 ", System.Text.Encoding.UTF8, "application/json");

        var response = await _http.PutAsync(Rules, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        _ = JsonSerializer.Deserialize<JsonObject>(await response.Content.ReadAsStringAsync());
    }
}
