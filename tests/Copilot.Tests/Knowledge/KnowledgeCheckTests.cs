using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Copilot.Connectors.Helpdesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Knowledge;

/// <summary><c>POST …/knowledge/check</c>: questions with the sources that answer them, asked as the assist asks them.</summary>
public sealed class KnowledgeCheckTests : IAsyncLifetime
{
    private const string AdminKey = "test-admin-key-0123456789";
    private const string Documents = """
        {"id":"password","title":"Reset your password","body":"Open the sign-in page, choose Forgot password and follow the link we e-mail you."}
        {"id":"shipping","title":"Shipping costs","body":"Parcels within the country cost 4.95; orders over 50 ship free."}
        {"id":"warranty","title":"Warranty","body":"Every lamp carries a two-year guarantee against defects."}
        """;

    private TestApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = await Host().StartAsync();
        _http = Client(_app);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private static TestHostBuilder Host() => new TestHostBuilder()
        .WithAdminKey(AdminKey)
        .WithTenant("acme", new Uri("http://127.0.0.1:9"), new string('s', 40), "agent@example.com")
        .WithFake<IHelpdeskClientFactory>(new FakeHelpdesk());

    private static HttpClient Client(TestApp app)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        return http;
    }

    private static StringContent Lines(string body, string mediaType = "application/x-ndjson") => new(body, Encoding.UTF8, mediaType);

    private static async Task ImportAsync(HttpClient http) =>
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/admin/tenants/acme/import", Lines(Documents))).StatusCode);

    [Fact]
    public async Task ACheckSaysWhereEachAnswerCameInTheAssistsSearchInTheKeywordIndexAndInTheSidebar()
    {
        await ImportAsync(_http);
        var check = """
            {"question":"I cannot remember my login credentials","expected":"password"}
            {"question":"How much does shipping cost for a parcel?","expected":["shipping","warranty"]}

            {"question":"Hello","expected":"warranty","locale":"en-GB"}
            """;

        var response = await _http.PostAsync("/api/admin/tenants/acme/knowledge/check", Lines(check));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("article", body.GetProperty("kind").GetString());
        Assert.Equal(3, body.GetProperty("questions").GetInt32());
        Assert.True(body.GetProperty("searchedByMeaning").GetBoolean());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([1, 2, 4], results.Select(r => r.GetProperty("line").GetInt32()));

        // Only the model finds the password article: it shares no word with the question.
        var login = results[0];
        Assert.Equal("en", login.GetProperty("language").GetString());
        Assert.Equal(1, login.GetProperty("rank").GetInt32());
        Assert.False(login.TryGetProperty("keywordRank", out _));
        Assert.Equal(1, login.GetProperty("shownAt").GetInt32());
        Assert.Equal("found", login.GetProperty("status").GetString());
        Assert.Equal("password", login.GetProperty("shown")[0].GetProperty("sourceId").GetString());
        Assert.True(login.GetProperty("shown")[0].GetProperty("similarity").GetDouble() > 0);

        var shipping = results[1];
        Assert.Equal(1, shipping.GetProperty("rank").GetInt32());
        Assert.Equal(1, shipping.GetProperty("keywordRank").GetInt32());
        Assert.Equal(1, shipping.GetProperty("shownAt").GetInt32());

        // A greeting says nothing to search: the sidebar shows no good match, and the answer is not ranked.
        var hello = results[2];
        Assert.Equal("no-good-match", hello.GetProperty("status").GetString());
        Assert.Empty(hello.GetProperty("shown").EnumerateArray());
        Assert.False(hello.TryGetProperty("shownAt", out _));

        var search = body.GetProperty("search");
        Assert.Equal(Math.Round(2 / 3.0, 3), search.GetProperty("hitAt1").GetDouble());
        Assert.Equal(Math.Round(1 / 3.0, 3), body.GetProperty("keywords").GetProperty("hitAt1").GetDouble());
        var shown = body.GetProperty("shown");
        Assert.Equal(Math.Round(2 / 3.0, 3), shown.GetProperty("first").GetDouble());
        Assert.Equal(Math.Round(1 / 3.0, 3), shown.GetProperty("nothing").GetDouble());
        Assert.Equal(3, body.GetProperty("vectors").GetProperty("embedded").GetInt64());
    }

    [Fact]
    public async Task WithoutAModelTheCheckSaysItsSearchIsTheKeywordIndexAlone()
    {
        await using var app = await Host().With("Copilot:Knowledge:OfflineEmbeddings", "false").StartAsync();
        using var http = Client(app);
        await ImportAsync(http);

        var body = await (await http.PostAsync("/api/admin/tenants/acme/knowledge/check",
            Lines("""{"question":"I cannot remember my login credentials","expected":"password"}"""))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(body.GetProperty("searchedByMeaning").GetBoolean());
        Assert.False(body.TryGetProperty("vectors", out _)); // no model, no count of what it read
        Assert.Equal(0, body.GetProperty("search").GetProperty("hitAt1").GetDouble());
        Assert.Equal(body.GetProperty("keywords").GetRawText(), body.GetProperty("search").GetRawText());
        Assert.Equal("no-good-match", body.GetProperty("results")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task MacrosAreCheckedInTheMacroPanel()
    {
        var helpdesk = new FakeHelpdesk();
        helpdesk.Macros.Add(new HelpdeskMacro("900001", "Hub restart steps", null, "Please hold the button on the hub for ten seconds to restart it.", true));
        helpdesk.Articles.Add(FakeHelpdesk.Article("900002", "Restart the hub", "Hold the button on the hub for ten seconds."));
        await using var app = await Host().WithFake<IHelpdeskClientFactory>(helpdesk).StartAsync();
        using var http = Client(app);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/admin/tenants/acme/sync?full=true", null)).StatusCode);

        var macro = await http.PostAsync("/api/admin/tenants/acme/knowledge/check?kind=macro", Lines("""{"question":"How do I restart my hub?","expected":"900001"}"""));
        var notAMacro = await http.PostAsync("/api/admin/tenants/acme/knowledge/check?kind=macro", Lines("""{"question":"How do I restart my hub?","expected":"900002"}"""));

        var body = await macro.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("macro", body.GetProperty("kind").GetString());
        Assert.Equal(1, body.GetProperty("results")[0].GetProperty("rank").GetInt32());
        Assert.All(body.GetProperty("results")[0].GetProperty("shown").EnumerateArray(), h => Assert.Equal("macro", h.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, notAMacro.StatusCode);
        Assert.Contains("no macro", (await notAMacro.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("line 1")[0].GetString());
    }

    [Fact]
    public async Task TwoEverydayWordsOfAnArticleTheModelReadsAsAboutSomethingElseDoNotShowIt()
    {
        // The Freshdesk demo's help centre, and its ticket 136: "Pedal assist levels" ("E-bikes have three assist levels")
        // shares "bikes" and "three" with a question about a child seat, which keyword search alone ranks first.
        var articles = Copilot.Fakes.Freshdesk.FakeFreshdeskData.LoadDemo().Articles
            .Select(a => JsonSerializer.Serialize(new { id = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), title = a.Title, body = a.Description }));
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync("/api/admin/tenants/acme/import", Lines(string.Join("\n", articles)))).StatusCode);
        const string PedalAssist = "43000004024";
        var check = $$"""
            {"question":"Can I take a child seat? Hi, do any of your bikes have a child seat, or can I attach my own? My daughter is three.","expected":"{{PedalAssist}}"}
            {"question":"How do I change the assist level on an e-bike?","expected":"{{PedalAssist}}"}
            """;

        var body = await (await _http.PostAsync("/api/admin/tenants/acme/knowledge/check", Lines(check))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(body.GetProperty("searchedByMeaning").GetBoolean());
        var (childSeat, assistLevel) = (body.GetProperty("results")[0], body.GetProperty("results")[1]);
        Assert.Equal(1, childSeat.GetProperty("keywordRank").GetInt32());
        Assert.False(childSeat.TryGetProperty("shownAt", out _), childSeat.GetRawText());
        Assert.DoesNotContain(PedalAssist, childSeat.GetProperty("shown").EnumerateArray().Select(h => h.GetProperty("sourceId").GetString()));
        // The same article for a question the model reads as about it.
        Assert.Equal(1, assistLevel.GetProperty("shownAt").GetInt32());
        // The admin search says why: the model finds it unrelated to the child seat, not to the assist level.
        async Task<JsonElement> SearchedAsync(string q) => (await _http.GetFromJsonAsync<JsonElement>(
            $"/api/admin/tenants/acme/knowledge/search?k=10&locale=en&q={Uri.EscapeDataString(q)}")).GetProperty("hits").EnumerateArray()
            .Single(h => h.GetProperty("sourceId").GetString() == PedalAssist);
        Assert.True((await SearchedAsync(childSeat.GetProperty("question").GetString()!)).GetProperty("unrelatedByModel").GetBoolean());
        Assert.False((await SearchedAsync(assistLevel.GetProperty("question").GetString()!)).GetProperty("unrelatedByModel").GetBoolean());
    }

    [Fact]
    public async Task TheCheckNamesTheSourcesShownFirstInPlaceOfTheAnswerTheMostOftenFirst()
    {
        await ImportAsync(_http);
        // Questions about shipping that say the warranty answers them: the shipping article takes their place, twice.
        var check = """
            {"question":"How much does shipping cost for a parcel?","expected":"warranty"}
            {"question":"I cannot remember my login credentials","expected":"password"}
            {"question":"What do parcels cost to ship within the country?","expected":"warranty"}
            {"question":"How much does shipping cost for a parcel?","expected":["shipping","warranty"]}
            {"question":"Hello","expected":"warranty"}
            {"question":"I cannot remember my login credentials","expected":"warranty"}
            """;

        var body = await (await _http.PostAsync("/api/admin/tenants/acme/knowledge/check", Lines(check))).Content.ReadFromJsonAsync<JsonElement>();

        var results = body.GetProperty("results").EnumerateArray().ToList();
        string? First(int i) => results[i].GetProperty("shown").EnumerateArray().Select(h => h.GetProperty("sourceId").GetString()).FirstOrDefault();
        Assert.Equal(["shipping", "password", "shipping", "shipping", null, "password"], Enumerable.Range(0, 6).Select(First));
        // Not counted: an answer shown first (lines 2 and 4: any expected id counts) or nothing shown (line 5).
        var instead = body.GetProperty("shownInstead").EnumerateArray().ToList();
        Assert.Equal(["shipping", "password"], instead.Select(s => s.GetProperty("sourceId").GetString()));
        Assert.Equal("Shipping costs", instead[0].GetProperty("title").GetString());
        Assert.Equal("document", instead[0].GetProperty("kind").GetString()); // imported, shown in the article panel
        Assert.Equal(2, instead[0].GetProperty("questions").GetInt32());
        Assert.Equal([1, 3], instead[0].GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Equal([6], instead[1].GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()));
    }

    public static TheoryData<string, string> BadChecks => new()
    {
        { "", "body" },
        { "{\"question\":\"Where is my parcel?\"}", "line 1" },
        { "{\"question\":\"\",\"expected\":\"shipping\"}", "line 1" },
        { "{\"question\":\"Where?\",\"expected\":[]}", "line 1" },
        { "{\"question\":\"Where?\",\"expected\":{\"id\":\"shipping\"}}", "line 1" },
        { "{\"question\":\"Where?\",\"expected\":\"shipping\",\"locale\":\"not a locale\"}", "line 1" },
        { "{\"question\":\"Where?\",\"expected\":\"shipping\"}\n[1,2]\nnot json", "line 3" },
        { "{\"question\":\"Where?\",\"expected\":\"no-such-article\"}", "line 1" },
        { "{\"question\":\"" + new string('a', 2_001) + "\",\"expected\":\"shipping\"}", "line 1" },
        { string.Concat(Enumerable.Repeat("{\"question\":\"Where?\",\"expected\":\"shipping\"}\n", 1_001)), "body" },
    };

    [Theory]
    [MemberData(nameof(BadChecks))]
    public async Task ABadCheckGetsAProblemNamingWhere(string check, string where)
    {
        await ImportAsync(_http);

        var response = await _http.PostAsync("/api/admin/tenants/acme/knowledge/check", Lines(check));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(where, out _), problem.GetRawText());
    }

    [Fact]
    public async Task EveryUnknownIdOfALargeCheckIsNamedOnItsLine()
    {
        await ImportAsync(_http);
        // More ids than one lookup takes: the known one, named last, is looked up in a later batch.
        var lines = Enumerable.Range(1, 700).Select(i => $$"""{"question":"Where is my parcel?","expected":"missing-{{i}}"}""")
            .Append("""{"question":"Where is my parcel?","expected":"shipping"}""");

        var response = await _http.PostAsync("/api/admin/tenants/acme/knowledge/check", Lines(string.Join("\n", lines)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(700, errors.EnumerateObject().Count());
        Assert.Contains("missing-700", errors.GetProperty("line 700")[0].GetString());
        Assert.False(errors.TryGetProperty("line 701", out _));
    }

    [Fact]
    public async Task AnUnknownTenantAWrongMediaTypeAndAnUnknownPanelAreRefused()
    {
        var line = Lines("""{"question":"Where is my parcel?","expected":"shipping"}""");
        await ImportAsync(_http);

        var tenant = await _http.PostAsync("/api/admin/tenants/nobody/knowledge/check", line);
        var media = await _http.PostAsync("/api/admin/tenants/acme/knowledge/check", Lines("question,expected", "text/csv"));
        var kind = await _http.PostAsync("/api/admin/tenants/acme/knowledge/check?kind=faq", line);
        using var anonymous = _app.CreateClient();
        var unauthenticated = await anonymous.PostAsync("/api/admin/tenants/acme/knowledge/check", line);

        Assert.Equal(HttpStatusCode.NotFound, tenant.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, media.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        foreach (var response in new[] { tenant, media, kind })
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
