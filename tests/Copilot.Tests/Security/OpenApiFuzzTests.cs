using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Copilot.Api.Auth;
using Copilot.Api.Hosting;
using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Copilot.Api.Webhooks;
using Copilot.Tests.Analytics;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Security;

/// <summary>
/// Every operation in <c>/openapi/v1.json</c>, called with valid credentials and input that is
/// wrong in one way at a time: no answer is a 5xx, and every 4xx is problem+json.
/// </summary>
public sealed class OpenApiFuzzTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private const int Parallel = 4;

    [Fact]
    public async Task NoRouteInTheOpenApiDocumentAnswersMalformedInputWithAServerError()
    {
        var document = JsonNode.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var (assistId, suggestionId) = await ADisplayedAssistAsync();
        var session = AdminSession();
        var cases = new List<(FuzzCase Case, string[] Security)>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var samples = new Dictionary<string, string>
                {
                    ["tenant"] = CopilotTestHost.TenantId,
                    ["id"] = template.StartsWith("/api/suggestions/", StringComparison.Ordinal) ? suggestionId : "101",
                    ["q"] = "reset",
                    ["assistId"] = assistId,
                };
                var security = (operation!["security"] as JsonArray ?? []).SelectMany(r => r!.AsObject().Select(s => s.Key)).ToArray();
                cases.AddRange(FuzzCases.For(document, template, method, operation.AsObject(), samples).Select(c => (c, security)));
            }
        }
        Assert.True(cases.Count > 1000, $"only {cases.Count} cases");

        var failures = new ConcurrentBag<string>();
        await System.Threading.Tasks.Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (entry, cancellationToken) =>
        {
            var (c, security) = entry;
            using var request = Request(c, security, session);
            HttpResponseMessage response;
            try
            {
                response = await fixture.Client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (c.Body?.Length > HostingExtensions.MaxRequestBodyBytes)
            {
                // A route that reads no body answers, then Kestrel closes the connection rather than
                // read a body over the limit; the client may see its upload cut off instead of the answer.
                return;
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{c.Method.ToUpperInvariant()} {Shorten(c.PathAndQuery)} [{c.Label}] → no answer: {e.Message} {e.InnerException?.Message}");
                return;
            }
            using var _ = response;
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (status >= 500 || (status >= 400 && type != "application/problem+json" && !KestrelsOwnAnswer(c, status, body)))
            {
                failures.Add($"{c.Method.ToUpperInvariant()} {Shorten(c.PathAndQuery)} [{c.Label}] → {status} {type} {Shorten(body)}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} requests failed:\n" + string.Join('\n', failures.Order().Take(60)));
    }

    /// <summary>
    /// Kestrel refuses a NUL (<c>%00</c>) in the path while parsing the request line, before any
    /// middleware runs, with an empty 400 that cannot be turned into problem+json (docs/api.md).
    /// </summary>
    private static bool KestrelsOwnAnswer(FuzzCase c, int status, string body) =>
        status == 400 && body.Length == 0 && c.Label.StartsWith("path ", StringComparison.Ordinal) && c.Label.EndsWith("=%00", StringComparison.Ordinal);

    private static HttpRequestMessage Request(FuzzCase c, string[] security, string session)
    {
        var request = new HttpRequestMessage(new HttpMethod(c.Method.ToUpperInvariant()), c.PathAndQuery);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            // As a well-behaved client sends a large body: the server may answer (413, or a route that
            // reads no body) before it is sent, instead of closing the connection under the upload.
            request.Headers.ExpectContinue = c.Body.Length > 64 * 1024;
            // And on a connection of its own: one the server closes after it is never reused by a later case.
            request.Headers.ConnectionClose = c.Body.Length > 64 * 1024;
            if (!string.IsNullOrEmpty(c.ContentType))
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }
        }
        if (security.Contains(AuthSchemes.AdminKeyOpenApi))
        {
            request.Headers.Add(AdminKeyHandler.Header, CopilotTestHost.AdminKey);
        }
        else if (security.Contains(AuthSchemes.ProxyTokenOpenApi))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CopilotTestHost.MintToken());
        }
        else if (security.Contains(AuthSchemes.SessionOpenApi))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
        }
        else if (security.Contains(AuthSchemes.WebhookSignatureOpenApi))
        {
            var timestamp = Webhook.Now();
            request.Headers.Add(ZendeskWebhookVerifier.TimestampHeader, timestamp);
            request.Headers.Add(ZendeskWebhookVerifier.SignatureHeader,
                Convert.ToBase64String(ZendeskWebhookVerifier.Sign(CopilotTestHost.WebhookSecret, timestamp, c.Body ?? [])));
        }
        return request;
    }

    /// <summary>A session as the signed load gives one, for the demo account's admin (2000).</summary>
    private string AdminSession()
    {
        var tenant = fixture.Host.Services.GetRequiredService<TenantRegistry>().Find(CopilotTestHost.TenantId)!;
        return fixture.Host.Services.GetRequiredService<SessionTokens>().Issue(tenant, "2000", "Ingrid", AgentRoles.Admin, DateTimeOffset.UtcNow).Token;
    }

    private async Task<(string AssistId, string SummaryId)> ADisplayedAssistAsync()
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist"));
        response.EnsureSuccessStatusCode();
        var assist = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (assist.GetProperty("assistId").GetString()!, await AssistDisplay.SummaryIdAsync(fixture.Client, assist));
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
