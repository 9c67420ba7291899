using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Copilot.Tests.Analytics;
using Copilot.Tests.Infrastructure;
using Dapper;
using Copilot.Api.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Security;

/// <summary>Malformed credentials, forms and bodies, sent unauthenticated or as a tenant: each a 4xx problem+json, never a 500.</summary>
public sealed class MalformedInputTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    public static TheoryData<string> MalformedBearers => new()
    {
        "not.a.jwt",
        "a.b.c.d.e",
        "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", // payload is not JSON
        "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOjV9.c2ln", // "iss" is a number
        "eyJhbGciOiJIUzI1NiJ9.W10.c2ln", // payload is an array
        "bm90IGpzb24.e30.c2ln", // header is not JSON
        "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.a.b.c.d", // an encrypted token
        "....",
    };

    [Theory]
    [MemberData(nameof(MalformedBearers))]
    public async Task AMalformedBearerTokenIsUnauthorizedOnEveryProtectedRoute(string token)
    {
        var routes = HostRoute.Of(fixture.Host.Services).Where(r => r.RequiresAuthorization).ToList();
        Assert.True(routes.Count >= 20, $"only {routes.Count} protected routes found");
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path());
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            if (route.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            using var response = await fixture.Client.SendAsync(request);
            await Problems.AssertAsync(response, HttpStatusCode.Unauthorized, $"{route} with Bearer {token}");
        }
    }

    /// <summary>The Freshworks app's three headers, each case breaking one (<c>null</c> leaves the header out; "a|b" sends it twice).</summary>
    public static TheoryData<string, string?, string?, string?> BrokenAppCredentials => new()
    {
        { "no secret", "CopilotApp", CopilotTestHost.TenantId, "43000100003" },
        { "a blank secret", "CopilotApp    ", CopilotTestHost.TenantId, "43000100003" },
        { "an overlong secret", "CopilotApp " + new string('s', 600), CopilotTestHost.TenantId, "43000100003" },
        { "a secret with a control character", "CopilotApp abc\u0007def", CopilotTestHost.TenantId, "43000100003" },
        { "two Authorization headers", "CopilotApp " + CopilotTestHost.SharedSecret + "|CopilotApp x", CopilotTestHost.TenantId, "43000100003" },
        { "no tenant", "CopilotApp " + CopilotTestHost.SharedSecret, null, "43000100003" },
        { "an empty tenant", "CopilotApp " + CopilotTestHost.SharedSecret, "", "43000100003" },
        { "a tenant with a space", "CopilotApp " + CopilotTestHost.SharedSecret, "ac me", "43000100003" },
        { "an overlong tenant", "CopilotApp " + CopilotTestHost.SharedSecret, new string('a', 101), "43000100003" },
        { "two tenants", "CopilotApp " + CopilotTestHost.SharedSecret, CopilotTestHost.TenantId + "|" + CopilotTestHost.OtherTenantId, "43000100003" },
        { "no agent", "CopilotApp " + CopilotTestHost.SharedSecret, CopilotTestHost.TenantId, null },
        { "an empty agent", "CopilotApp " + CopilotTestHost.SharedSecret, CopilotTestHost.TenantId, "" },
        { "a negative agent", "CopilotApp " + CopilotTestHost.SharedSecret, CopilotTestHost.TenantId, "-5" },
        { "agent zero", "CopilotApp " + CopilotTestHost.SharedSecret, CopilotTestHost.TenantId, "0" },
        { "an agent that is not a number", "CopilotApp " + CopilotTestHost.SharedSecret, CopilotTestHost.TenantId, "12a" },
        { "an agent beyond 64 bits", "CopilotApp " + CopilotTestHost.SharedSecret, CopilotTestHost.TenantId, "99999999999999999999" },
        { "an agent with a control character", "CopilotApp " + CopilotTestHost.SharedSecret, CopilotTestHost.TenantId, "12\u00013" },
        { "two agents", "CopilotApp " + CopilotTestHost.SharedSecret, CopilotTestHost.TenantId, "43000100003|43000100002" },
        // Well formed, with the tenant's own secret: this tenant is a Zendesk account, which this scheme never takes.
        { "a Zendesk tenant", "CopilotApp " + CopilotTestHost.SharedSecret, CopilotTestHost.TenantId, "2001" },
    };

    [Theory]
    [MemberData(nameof(BrokenAppCredentials))]
    public async Task BrokenFreshworksAppCredentialsAreUnauthorizedOnEveryProtectedRoute(string label, string? authorization, string? tenant, string? agent)
    {
        var routes = HostRoute.Of(fixture.Host.Services).Where(r => r.RequiresAuthorization).ToList();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path());
            foreach (var (name, value) in new[] { ("Authorization", authorization), ("X-Copilot-Tenant", tenant), ("X-Copilot-Agent", agent) })
            {
                foreach (var one in value?.Split('|') ?? [])
                {
                    request.Headers.TryAddWithoutValidation(name, System.Text.RegularExpressions.Regex.Unescape(one));
                }
            }
            if (route.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            using var response = await fixture.Client.SendAsync(request);
            await Problems.AssertAsync(response, HttpStatusCode.Unauthorized, $"{route} with {label}");
        }
    }

    [Theory]
    [InlineData("/sidebar/")]
    [InlineData("/dashboard/")]
    public async Task ASignedLoadFormOverTheBodyLimitIsTooLarge(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([new("token", new string('a', 2 * 1024 * 1024))]),
        };
        // The server answers 413 before the body is sent; without it, it may close the connection while the client still
        // writes the body, and the test sees a broken pipe instead of the answer under test.
        request.Headers.ExpectContinue = true;

        using var response = await fixture.Client.SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, $"a 2 MB form to {path}");
    }

    public static TheoryData<string, string> BrokenForms => new()
    {
        { "/sidebar/", "multipart without its closing boundary" },
        { "/sidebar/", "multipart without a boundary" },
        { "/sidebar/", "5,000 fields" },
        { "/sidebar/", "5,000 parts" },
        { "/dashboard/", "multipart without its closing boundary" },
        { "/dashboard/", "multipart without a boundary" },
        { "/dashboard/", "5,000 fields" },
        { "/dashboard/", "5,000 parts" },
    };

    [Theory]
    [MemberData(nameof(BrokenForms))]
    public async Task AnUnreadableSignedLoadFormIsABadRequest(string path, string form)
    {
        using var content = form switch
        {
            "multipart without its closing boundary" => Raw("--xyz\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nabc", "multipart/form-data; boundary=xyz"),
            "multipart without a boundary" => Raw("--xyz\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nabc\r\n--xyz--\r\n", "multipart/form-data"),
            "5,000 fields" => Raw(string.Join('&', Enumerable.Range(0, 5000).Select(i => $"f{i}=v")), "application/x-www-form-urlencoded"),
            _ => Raw(string.Concat(Enumerable.Range(0, 5000).Select(i => $"--xyz\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nv\r\n")) + "--xyz--\r\n", "multipart/form-data; boundary=xyz"),
        };
        using var response = await fixture.Client.PostAsync(path, content);
        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, $"{form} on POST {path}");
    }

    [Fact]
    public async Task ASignedWebhookBodyThatIsNotUtf8IsABadRequestAndStoresNothing()
    {
        // A two-byte lead (0xC3) followed by no continuation byte, inside the event type's string.
        byte[] body = [.. "{\"type\":\"zen:event-type:ticket."u8, 0xC3, 0x28, .. "\",\"id\":\"evt-bad\",\"subject\":\"zen:ticket:101\"}"u8];
        var timestamp = Webhook.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/zendesk/{CopilotTestHost.TenantId}")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Zendesk-Webhook-Signature", Convert.ToBase64String(Copilot.Api.Webhooks.ZendeskWebhookVerifier.Sign(CopilotTestHost.WebhookSecret, timestamp, body)));

        using var response = await fixture.Client.SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "invalid UTF-8");
        await using var c = await fixture.Host.Services.GetRequiredService<Db>().OpenAsync(CancellationToken.None);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM webhook_events WHERE event_id = 'evt-bad'"));
    }

    [Theory]
    [InlineData("from=9999-12-30&to=9999-12-31")]
    [InlineData("to=9999-12-31")]
    [InlineData("from=9999-12-31")]
    [InlineData("from=9998-12-25&to=9999-01-01&groupBy=week")]
    [InlineData("to=0001-01-02")]
    [InlineData("from=0001-01-01&to=0001-01-31&groupBy=week")]
    public async Task AnalyticsDatesAtTheEdgeOfTheCalendarAreABadRequest(string query)
    {
        foreach (var route in new[] { "summary", "knowledge-gaps", "outcomes", "export.csv" })
        {
            using var request = CopilotTestHost.Admin(HttpMethod.Get, $"/api/analytics/{route}?tenant=acme&{query}");
            using var response = await fixture.Client.SendAsync(request);
            await Problems.AssertAsync(response, HttpStatusCode.BadRequest, $"{route}?{query}");
        }
    }

    [Fact]
    public async Task AMarkdownImportWithATwentyThousandColumnTableIsABadRequest()
    {
        var header = "|" + string.Concat(Enumerable.Repeat(" a |", 20_000));
        var rule = "|" + string.Concat(Enumerable.Repeat("---|", 20_000));
        var row = "|" + string.Concat(Enumerable.Repeat(" 1 |", 20_000));
        using var request = CopilotTestHost.Admin(HttpMethod.Post, "/api/admin/tenants/acme/import?id=wide-table",
            Raw($"# Wide table\n\nIntro text.\n\n{header}\n{rule}\n{row}\n", "text/markdown"));

        using var response = await fixture.Client.SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "a 20,000-column table");
    }

    [Fact]
    public async Task ABodyInACharsetNoEncodingHasIsUnsupportedOnEveryRouteThatReadsOne()
    {
        // As the tenant, the rewrite reaches its handler; the body's reading failed there with a 500.
        using (var rewrite = CopilotTestHost.Sidebar(HttpMethod.Post, "/api/rewrite", Raw("""{"action":"shorten","text":"hi"}""", "application/json; charset=bogus")))
        using (var refused = await fixture.Client.SendAsync(rewrite))
        {
            await Problems.AssertAsync(refused, HttpStatusCode.UnsupportedMediaType, "rewrite in charset bogus");
        }
        var routes = HostRoute.Of(fixture.Host.Services).Where(r => r.Method is "POST" or "PUT" or "PATCH").ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} routes read a body");
        foreach (var route in routes)
        {
            using var request = CopilotTestHost.Admin(new HttpMethod(route.Method), route.Path(), Raw("{}", "application/json; charset=\"x-unknown-1\""));
            using var response = await fixture.Client.SendAsync(request);
            await Problems.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, $"{route} in charset x-unknown-1");
        }
        // A charset that is an encoding is read as before.
        using var latin = CopilotTestHost.Sidebar(HttpMethod.Post, "/api/rewrite", Raw("""{"action":"shorten","text":"Thanks for waiting."}""", "application/json; charset=iso-8859-1"));
        using var read = await fixture.Client.SendAsync(latin);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("text/event-stream")]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    public async Task AnErrorIsProblemJsonWhateverTheRequestAccepts(string accept)
    {
        async Task AssertAsync(HttpRequestMessage request, HttpStatusCode status, string because)
        {
            request.Headers.Accept.Clear();
            request.Headers.TryAddWithoutValidation("Accept", accept);
            using var response = await fixture.Client.SendAsync(request);
            await Problems.AssertAsync(response, status, $"{because}, Accept: {accept}");
            request.Dispose();
        }

        await AssertAsync(new HttpRequestMessage(HttpMethod.Get, "/api/tickets/101/assist"), HttpStatusCode.Unauthorized, "no credentials");
        await AssertAsync(new HttpRequestMessage(HttpMethod.Get, "/api/nowhere"), HttpStatusCode.NotFound, "no such route");
        await AssertAsync(new HttpRequestMessage(HttpMethod.Get, "/openapi/v2.json"), HttpStatusCode.NotFound, "no such OpenAPI document");
        await AssertAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/rewrite"), HttpStatusCode.MethodNotAllowed, "a wrong method");
        await AssertAsync(CopilotTestHost.Sidebar(HttpMethod.Post, "/api/rewrite", Raw("shorten this", "text/plain")), HttpStatusCode.UnsupportedMediaType, "a text body");
        await AssertAsync(CopilotTestHost.Sidebar(HttpMethod.Post, "/api/tickets/101/draft", Raw("{", "application/json")), HttpStatusCode.BadRequest, "a body cut short");
    }

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
