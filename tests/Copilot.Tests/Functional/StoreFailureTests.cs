using System.Net;
using System.Net.Http.Json;
using Copilot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Functional;

/// <summary>
/// A store that fails under any route (not only feedback, which has its own batch handling) answers a 503
/// problem with Retry-After and keeps nothing of the request; the message, which may quote values, is not logged.
/// </summary>
public sealed class StoreFailureTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    [Fact]
    public async Task ADraftWhoseSuggestionCannotBeStoredAnswers503AndKeepsNothing()
    {
        const long ticket = 131;
        await ExecuteAsync($"""
            CREATE TRIGGER test_suggestion_failure BEFORE INSERT ON suggestions WHEN NEW.ticket_id = {ticket}
            BEGIN SELECT RAISE(ABORT, 'injected store failure for tomas@example.com'); END
            """);
        try
        {
            using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/draft", JsonContent.Create(new { agentName = "Ana" })));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("The store is unavailable", body);
            Assert.DoesNotContain("tomas@example.com", body);
            Assert.Equal(0, await fixture.Host.ScalarAsync($"SELECT count(*) FROM suggestions WHERE ticket_id = {ticket}"));
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER test_suggestion_failure");
        }

        using var recovered = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/draft", JsonContent.Create(new { agentName = "Ana" })));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
