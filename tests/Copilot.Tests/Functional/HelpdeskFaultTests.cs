using System.Net;
using System.Text.Json;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

public class HelpdeskFaultTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private async Task<HttpResponseMessage> AssistAsync(long ticket) =>
        await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist?refresh=true"));

    [Fact]
    public async Task AHelpdeskThatKeepsFailingIsABadGatewayNamingIt()
    {
        fixture.Zendesk.Faults.Fail(500, times: 20);
        try
        {
            using var response = await AssistAsync(101);

            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("zendesk", body.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            fixture.Zendesk.Faults.Clear();
        }
    }

    [Fact]
    public async Task AShortRateLimitIsWaitedOut()
    {
        fixture.Zendesk.Faults.RateLimit(times: 1, retryAfterSeconds: 1);

        using var response = await AssistAsync(117);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, fixture.Zendesk.Faults.Pending);
    }

    [Fact]
    public async Task ALongRateLimitIsPassedOnWithRetryAfter()
    {
        fixture.Zendesk.Faults.RateLimit(times: 5, retryAfterSeconds: 90);
        try
        {
            using var response = await AssistAsync(119);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(90), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            fixture.Zendesk.Faults.Clear();
        }
    }

    [Fact]
    public async Task NothingIsRecordedWhenTheHelpdeskFails()
    {
        fixture.Zendesk.Faults.Fail(503, times: 20);
        try
        {
            using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, "/api/tickets/150/draft"));
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }
        finally
        {
            fixture.Zendesk.Faults.Clear();
        }
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM suggestions WHERE ticket_id = 150";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
