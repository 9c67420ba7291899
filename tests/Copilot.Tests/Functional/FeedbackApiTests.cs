using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Copilot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Functional;

public class FeedbackApiTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private async Task<(string Id, string Text)> DraftAsync(long ticket)
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/draft"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("suggestionId").GetString()!, body.GetProperty("text").GetString()!);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string suggestionId, object payload, string? token = null)
    {
        using var request = CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{suggestionId}/feedback", JsonContent.Create(payload), token: token);
        using var response = await fixture.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task AcceptedFeedbackIsRecordedOnceEvenWhenRetried()
    {
        var (id, _) = await DraftAsync(132);
        var eventId = Guid.NewGuid().ToString();

        var first = await PostAsync(id, new { eventId, outcome = "accepted" });
        var retry = await PostAsync(id, new { eventId, outcome = "accepted" });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.False(first.Body.GetProperty("duplicate").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.True(retry.Body.GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM feedback WHERE suggestion_id = $id", ("$id", id)));
    }

    [Fact]
    public async Task EditedFeedbackStoresTheSizeOfTheEdit()
    {
        var (id, text) = await DraftAsync(126);
        var sent = text + " Let me know if anything else comes up.";

        var (status, body) = await PostAsync(id, new { eventId = Guid.NewGuid().ToString(), outcome = "edited", finalText = sent });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(8, body.GetProperty("editDistance").GetInt32());
        Assert.InRange(body.GetProperty("editRatio").GetDouble(), 0.0001, 0.5);
        Assert.Equal(8, await CountAsync("SELECT edit_distance FROM feedback WHERE suggestion_id = $id", ("$id", id)));
    }

    [Fact]
    public async Task RejectionNeedsAReasonAndNothingIsStoredWithoutOne()
    {
        var (id, _) = await DraftAsync(118);

        var (status, body) = await PostAsync(id, new { eventId = Guid.NewGuid().ToString(), outcome = "rejected" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM feedback WHERE suggestion_id = $id", ("$id", id)));

        var (ok, stored) = await PostAsync(id, new { eventId = Guid.NewGuid().ToString(), outcome = "rejected", reason = "outdated-article", comment = "Mentions firmware 3.3" });
        Assert.Equal(HttpStatusCode.Created, ok);
        Assert.Equal("outdated-article", stored.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("{\"eventId\": \"e1\", \"outcome\": \"maybe\"}", "outcome")]
    [InlineData("{\"outcome\": \"accepted\"}", "eventId")]
    [InlineData("{\"eventId\": \"e2\", \"outcome\": \"edited\"}", "finalText")]
    [InlineData("{\"eventId\": \"has spaces\", \"outcome\": \"accepted\"}", "eventId")]
    public async Task InvalidFeedbackNamesTheField(string json, string field)
    {
        var (id, _) = await DraftAsync(153);
        using var request = CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{id}/feedback", new StringContent(json, Encoding.UTF8, "application/json"));
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task MalformedJsonIsABadRequest()
    {
        var (id, _) = await DraftAsync(153);
        using var request = CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{id}/feedback", new StringContent("{\"eventId\": \"x\", \"outcome\": ", Encoding.UTF8, "application/json"));
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OversizedBodyIsRefusedWith413()
    {
        var (id, _) = await DraftAsync(153);
        var huge = JsonSerializer.Serialize(new { eventId = "big", outcome = "edited", finalText = new string('a', 2 * 1024 * 1024) });
        using var request = CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{id}/feedback", new StringContent(huge, Encoding.UTF8, "application/json"));
        // As browsers and proxies do for large uploads: the server refuses before the body is sent,
        // so the answer cannot race the upload.
        request.Headers.ExpectContinue = true;
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM feedback WHERE event_id = 'big'"));
    }

    [Fact]
    public async Task UnknownSuggestionIsNotFound()
    {
        var (status, body) = await PostAsync("sg_doesnotexist", new { eventId = Guid.NewGuid().ToString(), outcome = "accepted" });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AnotherTenantsSuggestionLooksLikeItDoesNotExist()
    {
        var (id, _) = await DraftAsync(132);
        var otherToken = CopilotTestHost.MintToken(issuer: CopilotTestHost.OtherTenantId, secret: CopilotTestHost.OtherSharedSecret);

        var (status, _) = await PostAsync(id, new { eventId = Guid.NewGuid().ToString(), outcome = "accepted" }, otherToken);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM feedback WHERE suggestion_id = $id", ("$id", id)));
    }

    [Fact]
    public async Task ReusingAnEventIdForAnotherSuggestionIsAConflict()
    {
        var (first, _) = await DraftAsync(126);
        var (second, _) = await DraftAsync(127);
        var eventId = Guid.NewGuid().ToString();
        await PostAsync(first, new { eventId, outcome = "accepted" });

        var (status, _) = await PostAsync(second, new { eventId, outcome = "accepted" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM feedback WHERE suggestion_id = $id", ("$id", second)));
    }
}
