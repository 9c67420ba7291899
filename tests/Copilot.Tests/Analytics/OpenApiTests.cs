using System.Net;

namespace Copilot.Tests.Analytics;

public sealed class OpenApiTests
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesTheAnalyticsAndWebhookRoutes()
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var response = await host.Client.GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var path in new[] { "/api/analytics/summary", "/api/analytics/knowledge-gaps", "/api/analytics/outcomes", "/api/analytics/export.csv", "/api/webhooks/zendesk/{tenant}" })
        {
            Assert.Contains($"\"{path}\"", text, StringComparison.Ordinal);
        }
    }
}
