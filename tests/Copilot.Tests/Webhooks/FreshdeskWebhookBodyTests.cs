using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Copilot.Api.Webhooks;
using Copilot.Tests.Security;

namespace Copilot.Tests.Webhooks;

/// <summary>A delivery with the right secret whose body is not an event the rules send: a clear problem, nothing stored, never a server error.</summary>
[Collection(FreshdeskWebhookCollection.Name)]
public sealed class FreshdeskWebhookBodyTests(FreshdeskWebhookFixture fixture)
{
    private static readonly string Now = FreshdeskDelivery.Time();

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "not JSON", "event=comment-added", "body" },
        { "a JSON array", "[]", "body" },
        { "nested too deep", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100), "body" },
        { "no event", Body(("ticket_id", "114"), ("time", Now)), "event" },
        { "an unknown event", Body(("event", "ticket-merged"), ("ticket_id", "114"), ("time", Now)), "event" },
        { "the event as a number", """{"event":3,"ticket_id":"114","time":"NOW"}""", "event" },
        { "no ticket id", Body(("event", "comment-added"), ("time", Now)), "ticket_id" },
        { "an empty ticket id (a placeholder filled with nothing)", Body(("event", "comment-added"), ("ticket_id", ""), ("time", Now)), "ticket_id" },
        { "a ticket id that is not a number", Body(("event", "comment-added"), ("ticket_id", "#114"), ("time", Now)), "ticket_id" },
        { "a ticket id of zero", """{"event":"comment-added","ticket_id":0,"time":"NOW"}""", "ticket_id" },
        { "a ticket id that is true", """{"event":"comment-added","ticket_id":true,"time":"NOW"}""", "ticket_id" },
        { "a ticket id beyond a long", """{"event":"comment-added","ticket_id":"99999999999999999999","time":"NOW"}""", "ticket_id" },
        { "no time", Body(("event", "comment-added"), ("ticket_id", "114")), "time" },
        { "a time that is not a time", Body(("event", "comment-added"), ("ticket_id", "114"), ("time", "yesterday")), "time" },
        { "a time that is a number", """{"event":"comment-added","ticket_id":"114","time":1762776000}""", "time" },
        { "a creation time that is not a time", Body(("event", "ticket-created"), ("ticket_id", "114"), ("time", Now), ("created_at", "soon")), "created_at" },
        { "a status change without its triggered event", Body(("event", "status-changed"), ("ticket_id", "114"), ("time", Now)), "triggered_event" },
        { "a status change whose triggered event is a note", Body(("event", "status-changed"), ("ticket_id", "114"), ("time", Now), ("triggered_event", "{note_type:public}")), "triggered_event" },
        { "a triggered event too long", Body(("event", "comment-added"), ("ticket_id", "114"), ("time", Now), ("triggered_event", new string('x', 201))), "triggered_event" },
        { "a rating without its answer", Body(("event", "satisfaction-rated"), ("ticket_id", "114"), ("time", Now)), "rating" },
        { "a rating that is neither good nor bad", Body(("event", "satisfaction-rated"), ("ticket_id", "114"), ("time", Now), ("rating", "meh")), "rating" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task AMalformedBodyIsAValidationProblemNamingTheFieldAndStoresNothing(string _, string body, string field)
    {
        var before = await StoredAsync();

        using var response = await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, body.Replace("NOW", Now, StringComparison.Ordinal));

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, field);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var message), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(message[0].GetString()));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task ABodyThatIsNotUtf8IsAValidationProblemAndStoresNothing()
    {
        byte[] body = [.. "{\"event\":\"comment-"u8, 0xC3, 0x28, .. "added\",\"ticket_id\":\"114\",\"time\":\""u8, .. Encoding.UTF8.GetBytes(Now), .. "\"}"u8];
        var before = await StoredAsync();

        using var request = FreshdeskDelivery.Request(FreshdeskWebhookFixture.Tenant, body, FreshdeskWebhookFixture.Secret);
        using var response = await fixture.Client.SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "invalid UTF-8");
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedAndStoresNothing()
    {
        var body = Body(("event", "comment-added"), ("ticket_id", "114"), ("time", Now), ("pad", new string('a', WebhookDelivery.MaxBodyBytes)));
        var before = await StoredAsync();

        using var response = await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, body);

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "oversized body");
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task NoBodyDerivedFromTheDocumentedShapeIsAServerErrorOrStoresAnything()
    {
        var document = JsonNode.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        const string template = "/api/webhooks/freshdesk/{tenant}";
        var operation = document["paths"]![template]!["post"]!.AsObject();
        var samples = new Dictionary<string, string> { ["tenant"] = FreshdeskWebhookFixture.Tenant };
        var cases = FuzzCases.For(document, template, "post", operation, samples).Where(c => c.Body is not null).ToList();
        Assert.True(cases.Count > 50, $"only {cases.Count} cases");
        var before = await StoredAsync();

        var failures = new ConcurrentBag<string>();
        foreach (var c in cases)
        {
            using var request = FreshdeskDelivery.Request(FreshdeskWebhookFixture.Tenant, c.Body!, FreshdeskWebhookFixture.Secret);
            request.Content!.Headers.Remove("Content-Type");
            if (!string.IsNullOrEmpty(c.ContentType))
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }
            request.Headers.ConnectionClose = c.Body!.Length > WebhookDelivery.MaxBodyBytes;
            using var response = await fixture.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status is not (400 or 413) || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"[{c.Label}] → {status} {response.Content.Headers.ContentType}");
            }
        }

        Assert.True(failures.IsEmpty, string.Join('\n', failures));
        Assert.Equal(before, await StoredAsync());
    }

    private static string Body(params (string Name, string Value)[] fields) => JsonSerializer.Serialize(fields.ToDictionary(f => f.Name, f => f.Value));

    private async Task<(long, long)> StoredAsync() =>
        (await fixture.CountAsync("SELECT count(*) FROM webhook_events"), await fixture.CountAsync("SELECT count(*) FROM ticket_outcomes"));
}
