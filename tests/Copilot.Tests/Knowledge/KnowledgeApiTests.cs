using Copilot.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Knowledge;

public sealed class KnowledgeApiTests : IAsyncLifetime
{
    private const string AdminKey = "test-admin-key-0123456789";
    private TestApp _app = null!;
    private readonly FakeHelpdesk _helpdesk = new();
        private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = await new TestHostBuilder()
            .WithAdminKey(AdminKey)
            .WithTenant("acme", new Uri("http://127.0.0.1:9"), new string('s', 40), "agent@example.com")
            .WithFake<IHelpdeskClientFactory>(_helpdesk)
            .StartAsync();
        _http = _app.CreateClient();
        _http.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task SyncPullsTheHelpdeskIntoTheIndexAndSearchFindsIt()
    {
        _helpdesk.Articles.Add(FakeHelpdesk.Article("4400001", "Reset your Lumora hub", "Hold the button for ten seconds until the light blinks."));
        _helpdesk.Macros.Add(new HelpdeskMacro("900001", "Hub restart steps", null, "Please hold the button for ten seconds to reset it.", true));

        var sync = await _http.PostAsync("/api/admin/tenants/acme/sync?full=true", null);
        var search = await _http.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/knowledge/search?q=reset+lumora+hub&k=5");
        var status = await _http.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/knowledge/status");

        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        var counts = await sync.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, counts.GetProperty("articles").GetInt32());
        Assert.Equal(1, counts.GetProperty("macros").GetInt32());
        Assert.True(counts.TryGetProperty("durationMs", out _));
        var hits = search.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal("4400001", hits[0].GetProperty("sourceId").GetString());
        Assert.Equal("article", hits[0].GetProperty("kind").GetString());
        Assert.Equal(2, hits.Count);
        Assert.Equal(1, status.GetProperty("sources").GetProperty("article").GetInt32());
        Assert.Equal(1, status.GetProperty("sources").GetProperty("macro").GetInt32());
        Assert.Equal(JsonValueKind.String, status.GetProperty("lastFullSync").ValueKind);
    }

    [Fact]
    public async Task ImportedDocumentsAreSearchedByMeaningWhenTheImportReturns()
    {
        // The question shares no word with the article that answers it: only the built-in model finds it.
        var body = """
            {"id":"password","title":"Reset your password","body":"Open the sign-in page, choose Forgot password and follow the link we e-mail you."}
            {"id":"shipping","title":"Shipping costs","body":"Parcels within the country cost 4.95; orders over 50 ship free."}
            {"id":"warranty","title":"Warranty","body":"Every lamp carries a two-year guarantee against defects."}
            """;

        var import = await (await _http.PostAsync("/api/admin/tenants/acme/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var search = await _http.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/knowledge/search?q=I%20cannot%20remember%20my%20login%20credentials&locale=en");
        var status = await _http.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/knowledge/status");

        var vectors = import.GetProperty("vectors");
        Assert.Equal(3, vectors.GetProperty("passages").GetInt64());
        Assert.Equal(3, vectors.GetProperty("embedded").GetInt64());
        Assert.Equal(vectors.GetProperty("model").GetString(), status.GetProperty("vectors").GetProperty("model").GetString());
        Assert.Equal(3, status.GetProperty("vectors").GetProperty("embedded").GetInt64());
        var first = search.GetProperty("hits")[0];
        Assert.Equal("password", first.GetProperty("sourceId").GetString());
        Assert.Equal(0, first.GetProperty("relevance").GetDouble()); // no shared keyword
        Assert.True(first.GetProperty("similarity").GetDouble() > 0);
        Assert.Empty(search.GetProperty("terms").EnumerateArray());
    }

    [Fact]
    public async Task ASyncsPassagesAreEmbeddedAsSoonAsTheyAreWrittenNotAtTheNextHalfMinute()
    {
        var helpdesk = new FakeHelpdesk();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await new TestHostBuilder()
            .WithAdminKey(AdminKey)
            .WithTenant("acme", new Uri("http://127.0.0.1:9"), new string('s', 40), "agent@example.com", syncIntervalMinutes: 5)
            .WithFake<IHelpdeskClientFactory>(helpdesk)
            .WithClock(clock)
            .With("Copilot:Knowledge:EmbedPassagesOnChange", "true") // the default outside tests
            .StartAsync();
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        async Task<JsonElement> VectorsAsync() =>
            (await http.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/knowledge/status")).GetProperty("vectors");
        async Task<JsonElement> EmbeddedAsync(long passages)
        {
            // The service's half-minute pass ran at start, before the sync; a pass that waited for the next would not come in time.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var vectors = await VectorsAsync();
            while ((vectors.GetProperty("passages").GetInt64() < passages || vectors.GetProperty("embedded").GetInt64() < passages) && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
                vectors = await VectorsAsync();
            }
            return vectors;
        }
        await EmbeddedAsync(0);
        helpdesk.Articles.Add(FakeHelpdesk.Article("4400001", "Reset your Lumora hub", "Hold the button for ten seconds until the light blinks."));
        helpdesk.Articles.Add(FakeHelpdesk.Article("4400002", "Shipping costs", "Parcels within the country cost 4.95."));

        clock.Advance(TimeSpan.FromMinutes(6)); // the scheduled sync is due
        var scheduled = await EmbeddedAsync(2);
        helpdesk.Articles.Add(FakeHelpdesk.Article("4400003", "Warranty", "Two years on every lamp."));
        var sync = await (await http.PostAsync("/api/admin/tenants/acme/sync?full=true", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((2, 2), (scheduled.GetProperty("passages").GetInt64(), scheduled.GetProperty("embedded").GetInt64()));
        // The admin sync returns once what it wrote is embedded.
        Assert.Equal((3, 3), (sync.GetProperty("vectors").GetProperty("passages").GetInt64(), sync.GetProperty("vectors").GetProperty("embedded").GetInt64()));
    }

    [Fact]
    public async Task WhatTheSyncReportsOfTheModelsProgressDoesNotHoldBackTheSearchesAfterIt()
    {
        _helpdesk.Articles.Add(FakeHelpdesk.Article("4400001", "Reset your password", "Open the sign-in page, choose Forgot password and follow the link we e-mail you."));
        _helpdesk.Articles.Add(FakeHelpdesk.Article("4400002", "Shipping costs", "Parcels within the country cost 4.95; orders over 50 ship free."));

        // Embedding on change is off in test hosts: the sync returns before the model has read anything.
        var sync = await (await _http.PostAsync("/api/admin/tenants/acme/sync?full=true", null)).Content.ReadFromJsonAsync<JsonElement>();
        var tenant = _app.Services.GetRequiredService<Copilot.Api.Tenants.TenantRegistry>().Find("acme")!;
        await _app.Services.GetRequiredService<Copilot.Api.Knowledge.Vectors.PassageVectors>().EmbedMissingAsync(tenant, int.MaxValue, CancellationToken.None);
        var search = await _http.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/knowledge/search?q=I%20cannot%20remember%20my%20login%20credentials&locale=en");

        Assert.Equal(0, sync.GetProperty("vectors").GetProperty("embedded").GetInt64());
        // Searched by meaning at once: the count the sync took is not kept as the tenant's progress for the next seconds.
        Assert.Equal("4400001", search.GetProperty("hits")[0].GetProperty("sourceId").GetString());
        Assert.True(search.GetProperty("hits")[0].GetProperty("similarity").GetDouble() > 0);
    }

    [Fact]
    public async Task ImportedJsonLinesAreSearchable()
    {
        var body = """
            {"id":"returns","title":"Returns","body":"Send the lamp back within **30 days**."}
            {"id":"warranty","title":"Warranty","body":"<p>Two years on every lamp.</p>"}
            """;

        var import = await _http.PostAsync("/api/admin/tenants/acme/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        var search = await _http.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/knowledge/search?q=warranty%20lamp");

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(2, (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        var first = search.GetProperty("hits")[0];
        Assert.Equal("warranty", first.GetProperty("sourceId").GetString());
        Assert.Equal("document", first.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task AnImportWithABadLineIsRefusedWithLineErrorsAndWritesNothing()
    {
        var body = """
            {"id":"returns","title":"Returns","body":"Send it back within 30 days."}
            {"id":"broken","body":"No title here."}
            """;

        var import = await _http.PostAsync("/api/admin/tenants/acme/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        var status = await _http.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/knowledge/status");

        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Equal("application/problem+json", import.Content.Headers.ContentType?.MediaType);
        var problem = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("'title' is required.", problem.GetProperty("errors").GetProperty("line 2").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, status.GetProperty("sources").GetProperty("document").GetInt32());
    }

    [Fact]
    public async Task AMarkdownFileIsImportedUnderItsHeading()
    {
        var import = await _http.PostAsync("/api/admin/tenants/acme/import",
            new StringContent("# Cleaning the diffuser\n\nRinse the tank weekly.", Encoding.UTF8, "text/markdown"));
        var search = await _http.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/knowledge/search?q=diffuser");

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal("cleaning-the-diffuser", search.GetProperty("hits")[0].GetProperty("sourceId").GetString());
    }

    [Fact]
    public async Task AdminRoutesRefuseCallersWithoutTheAdminKey()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        using var wrongKey = new HttpClient { BaseAddress = _http.BaseAddress };
        wrongKey.DefaultRequestHeaders.Add("X-Admin-Key", "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/admin/tenants/acme/sync", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/tenants/acme/knowledge/search?q=x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/api/admin/tenants/acme/knowledge/status")).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/admin/tenants/nobody/sync")]
    [InlineData("POST", "/api/admin/tenants/nobody/import")]
    [InlineData("GET", "/api/admin/tenants/nobody/knowledge/search?q=refund")]
    [InlineData("GET", "/api/admin/tenants/nobody/knowledge/status")]
    public async Task AnUnknownTenantIsNotFound(string method, string path)
    {
        var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new StringContent("{}", Encoding.UTF8, "application/x-ndjson") : null,
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ASearchWithoutQueryIsABadRequest()
    {
        var response = await _http.GetAsync("/api/admin/tenants/acme/knowledge/search?k=500");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("q", out _));
        Assert.True(errors.TryGetProperty("k", out _));
    }

    [Theory]
    [InlineData("fr%25")]
    [InlineData("x")]
    [InlineData("en-US'%20OR%201=1")]
    public async Task ASearchInALocaleThatIsNoLocaleIsABadRequest(string locale)
    {
        var response = await _http.GetAsync($"/api/admin/tenants/acme/knowledge/search?q=refund&locale={locale}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("locale", out _));
    }

    [Fact]
    public async Task AFailingHelpdeskMakesSyncABadGatewayAndIsShownInStatus()
    {
        _helpdesk.FailWith = new HelpdeskException("zendesk", 500, "Internal Server Error");

        var sync = await _http.PostAsync("/api/admin/tenants/acme/sync?full=true", null);
        var status = await _http.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/knowledge/status");

        Assert.Equal(HttpStatusCode.BadGateway, sync.StatusCode);
        Assert.Contains("500", status.GetProperty("lastError").GetString());
    }
}
