using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Copilot.Api.Webhooks;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Analytics;

public sealed class WebhookTests
{
    private static readonly string Reopen = Webhook.StatusChanged("evt-1", 42, "2026-11-10T12:00:00Z", "SOLVED", "OPEN", "2026-11-10T08:00:00Z");

    [Fact]
    public async Task ASignedEventIsStored()
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var response = await Webhook.SendAsync(host, Reopen);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(receipt.GetProperty("duplicate").GetBoolean());
        Assert.Equal("Reopened", receipt.GetProperty("kind").GetString());
        Assert.Equal((1L, "2026-11-10T08:00:00Z"), await OutcomeAsync(host, 42));
    }

    public static TheoryData<string, string, string, string?, bool> Forgeries => new()
    {
        { "wrong secret", "acme", "not-the-secret", null, true },
        { "another tenant's secret", "acme", AnalyticsHost.OtherWebhookSecret, null, true },
        { "tampered body", "acme", AnalyticsHost.WebhookSecret, "signed-other-body", true },
        { "stale timestamp", "acme", AnalyticsHost.WebhookSecret, "stale", true },
        { "future timestamp", "acme", AnalyticsHost.WebhookSecret, "future", true },
        { "missing headers", "acme", AnalyticsHost.WebhookSecret, null, false },
        { "unknown tenant", "nobody", AnalyticsHost.WebhookSecret, null, true },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task AForgedOrStaleDeliveryIsUnauthorizedAndStoresNothing(string _, string tenant, string secret, string? twist, bool headers)
    {
        await using var host = await AnalyticsHost.StartAsync();
        var timestamp = twist switch
        {
            "stale" => Webhook.Now(TimeSpan.FromMinutes(-6)),
            "future" => Webhook.Now(TimeSpan.FromMinutes(6)),
            _ => Webhook.Now(),
        };
        var signedBody = twist == "signed-other-body" ? Reopen.Replace("zen:ticket:42", "zen:ticket:43", StringComparison.Ordinal) : null;

        using var response = await Webhook.SendAsync(host, Reopen, tenant, secret, timestamp, signedBody, headers);

        await AccessAndPeriodTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        await using var c = await host.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM ticket_outcomes"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM webhook_events"));
    }

    [Fact]
    public async Task ARedeliveredEventIsAcceptedAndCountedOnce()
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var first = await Webhook.SendAsync(host, Reopen);
        using var again = await Webhook.SendAsync(host, Reopen);
        using var retried = await Webhook.SendAsync(host, Reopen, timestamp: Webhook.Now(TimeSpan.FromSeconds(-30)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        foreach (var duplicate in new[] { again, retried })
        {
            Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
            Assert.True(JsonDocument.Parse(await duplicate.Content.ReadAsStringAsync()).RootElement.GetProperty("duplicate").GetBoolean());
        }
        Assert.Equal(1L, (await OutcomeAsync(host, 42)).Reopened);
    }

    [Fact]
    public async Task ATicketCreatedEventRecordsWhenTheTicketWasOpened()
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var response = await Webhook.SendAsync(host,
            """{"type":"zen:event-type:ticket.created","id":"evt-new","time":"2026-11-10T07:30:00+01:00","subject":"zen:ticket:42"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0L, "2026-11-10T06:30:00Z"), await OutcomeAsync(host, 42));
    }

    [Fact]
    public async Task ASignedBodyThatIsNotATicketEventIsAValidationProblem()
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var response = await Webhook.SendAsync(host, """{"type":"zen:event-type:ticket.status_changed","detail":{}}""");
        var problem = await AccessAndPeriodTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("detail.id", out _));
    }

    [Fact]
    public async Task AnOversizedBodyIsRefused()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var body = "{\"type\":\"x\",\"pad\":\"" + new string('a', WebhookDelivery.MaxBodyBytes) + "\"}";
        using var response = await Webhook.SendAsync(host, body);
        await AccessAndPeriodTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ACommentAddedTellsTheTicketActivityHookOnce()
    {
        var hook = new RecordingActivity();
        await using var host = await AnalyticsHost.StartAsync(s => s.AddSingleton<ITicketActivity>(hook));
        var body = Webhook.CommentAdded("evt-c1", 77, "2026-11-10T12:00:00Z");

        using var first = await Webhook.SendAsync(host, body);
        using var again = await Webhook.SendAsync(host, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([("acme", 77L)], hook.Calls);
    }

    [Fact]
    public async Task CommentsGoToTheAssistRefresherByDefault()
    {
        await using var host = await AnalyticsHost.StartAsync();
        Assert.IsType<Copilot.Api.Assist.AssistRefresher>(host.Services.GetRequiredService<ITicketActivity>());
        using var response = await Webhook.SendAsync(host, Webhook.CommentAdded("evt-c2", 78, "2026-11-10T12:00:00Z"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<(long Reopened, string? CreatedAt)> OutcomeAsync(AnalyticsHost host, long ticket)
    {
        await using var c = await host.Db.OpenAsync(CancellationToken.None);
        return await c.QuerySingleAsync<(long, string?)>("SELECT reopened, created_at FROM ticket_outcomes WHERE tenant = 'acme' AND ticket_id = @ticket", new { ticket });
    }

    private sealed class RecordingActivity : ITicketActivity
    {
        private readonly ConcurrentQueue<(string, long)> _calls = new();
        public IReadOnlyList<(string, long)> Calls => _calls.ToList();

        public Task OnCommentAddedAsync(string tenant, long ticketId, CancellationToken cancellationToken)
        {
            _calls.Enqueue((tenant, ticketId));
            return Task.CompletedTask;
        }
    }
}
