using Copilot.Api.Auth;
using Copilot.Tests.Infrastructure;
using System.Text.Json.Nodes;
using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Copilot.Api.Webhooks;

namespace Copilot.Tests.Security;

public sealed class OpenApiDocumentTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    /// <summary>Routes that are not part of the API: the document itself, the root, the app's static files, health checks.</summary>
    private static readonly string[] NotApi = ["/", "/openapi/v1.json", "/app/{**path}"];

    [Fact]
    public async Task TheOpenApiDocumentListsEveryPublicRouteWithHowItsCallerIsAuthenticated()
    {
        var document = JsonNode.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var paths = document["paths"]!.AsObject();
        var schemes = document["components"]!["securitySchemes"]!.AsObject();

        foreach (var route in HostRoute.Of(fixture.Host.Services))
        {
            if (!route.Described)
            {
                Assert.True(NotApi.Contains(route.Template) || route.Template.StartsWith("/health", StringComparison.Ordinal),
                    $"{route} is served but missing from the OpenAPI document");
                Assert.False(route.RequiresAuthorization, $"{route} needs credentials but is not documented");
                continue;
            }
            var key = System.Text.RegularExpressions.Regex.Replace(route.Template, @"\{([^}:]+)(:[^}]*)?\}", "{$1}").TrimEnd('/');
            var operation = paths[key == "" ? "/" : key]?[route.Method.ToLowerInvariant()] as JsonObject;
            Assert.True(operation is not null, $"{route} is not in the OpenAPI document as {key}");
            var security = operation!["security"] as JsonArray ?? [];
            Assert.True(security.Count > 0, $"{route} names no security requirement");
            var named = security.SelectMany(r => r!.AsObject().Select(s => s.Key)).ToList();
            Assert.All(named, s => Assert.True(schemes.ContainsKey(s), $"{route} names undeclared scheme {s}"));
            if (route.RequiresAuthorization)
            {
                Assert.NotEmpty(named);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty((string?)operation["x-caller-proof"]), $"{route} is anonymous and says nothing of its caller");
            }
        }
    }

    [Fact]
    public async Task EachKindOfRouteNamesItsOwnScheme()
    {
        var paths = JsonNode.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"))!["paths"]!;
        string Schemes(string path, string method) => string.Join(",", (paths[path]![method]!["security"] as JsonArray)!.SelectMany(r => r!.AsObject().Select(s => s.Key)).Order());

        Assert.Equal($"{AuthSchemes.FreshworksAppOpenApi},{AuthSchemes.SessionOpenApi},{AuthSchemes.ProxyTokenOpenApi}", Schemes("/api/tickets/{id}/assist", "get"));
        Assert.Equal(AuthSchemes.AdminKeyOpenApi, Schemes("/api/admin/tenants", "get"));
        Assert.Equal($"{AuthSchemes.AdminKeyOpenApi},{AuthSchemes.FreshworksAppOpenApi},{AuthSchemes.SessionOpenApi}", Schemes("/api/analytics/summary", "get"));
        Assert.Equal(AuthSchemes.SessionOpenApi, Schemes("/sidebar/session", "post"));
        Assert.Equal(AuthSchemes.WebhookSignatureOpenApi, Schemes("/api/webhooks/zendesk/{tenant}", "post"));
        Assert.Equal(AuthSchemes.WebhookSecretOpenApi, Schemes("/api/webhooks/freshdesk/{tenant}", "post"));
        Assert.Equal("""["lead","admin"]""", paths["/api/dashboard/agents"]!["get"]!["security"]![0]![AuthSchemes.SessionOpenApi]!.ToJsonString());
        Assert.Equal("""["lead","admin"]""", paths["/api/dashboard/agents"]!["get"]!["security"]![1]![AuthSchemes.FreshworksAppOpenApi]!.ToJsonString());
        Assert.Equal("""["admin"]""", paths["/api/dashboard/time-saved"]!["put"]!["security"]![1]![AuthSchemes.FreshworksAppOpenApi]!.ToJsonString());
    }
}
