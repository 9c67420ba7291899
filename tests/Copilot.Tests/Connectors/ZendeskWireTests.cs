using Copilot.Connectors.Helpdesk;
using Copilot.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using static Copilot.Tests.Connectors.WireHelpdesk;
using static Copilot.Tests.Connectors.WireZendesk;

namespace Copilot.Tests.Connectors;

/// <summary>Wire-level fault sequences from a scripted Zendesk (WireMock), through the real connector.</summary>
public sealed class ZendeskWireTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private const string RateLimited = """{"error":"APIRateLimitExceeded","description":"Number of allowed API requests per minute exceeded"}""";
    private const string Unavailable = """{"error":"ServiceUnavailable","description":"Zendesk is temporarily unavailable"}""";

    [Fact]
    public async Task ARateLimitThenSuccessIsWaitedOutForExactlyRetryAfter()
    {
        using var zd = Start().WithComments();
        zd.Server.Given(Get(TicketPath)).InScenario("rate").WillSetStateTo("served")
            .RespondWith(Json(RateLimited, 429).WithHeader("Retry-After", "2"));
        zd.Server.Given(Get(TicketPath)).InScenario("rate").WhenStateIs("served").RespondWith(Json(TicketJson));

        var call = zd.Client.GetThreadAsync(Ticket, CancellationToken.None);
        await FakeClock.WaitForAsync(() => zd.Logs.RetryDelays().Any(), "a retry scheduled");
        await zd.Time.AdvanceUntilAsync(call, Step, Limit);
        var thread = await call;

        Assert.Equal("Bridge won't connect", thread!.Ticket.Subject);
        Assert.Equal([TimeSpan.FromSeconds(2)], zd.Logs.RetryDelays());
        Assert.Equal(2, zd.Calls(TicketPath));
    }

    [Fact]
    public async Task RetryAfterAsAnHttpDateIsReadOnTheClock()
    {
        using var zd = Start().WithComments();
        var until = zd.Time.GetUtcNow().AddSeconds(4).ToString("R");
        zd.Server.Given(Get(TicketPath)).InScenario("date").WillSetStateTo("served")
            .RespondWith(Json(RateLimited, 429).WithHeader("Retry-After", until));
        zd.Server.Given(Get(TicketPath)).InScenario("date").WhenStateIs("served").RespondWith(Json(TicketJson));

        var call = zd.Client.GetThreadAsync(Ticket, CancellationToken.None);
        await FakeClock.WaitForAsync(() => zd.Logs.RetryDelays().Any(), "a retry scheduled");
        await zd.Time.AdvanceUntilAsync(call, Step, Limit);

        Assert.NotNull(await call);
        Assert.Equal([TimeSpan.FromSeconds(4)], zd.Logs.RetryDelays());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ALongRetryAfterFailsAtOnceAndNoCallGoesOutUntilItPasses(bool asDate)
    {
        using var zd = Start(o => o.MaxRetryAfter = TimeSpan.FromSeconds(5)).WithComments();
        var retryAfter = asDate ? zd.Time.GetUtcNow().AddSeconds(30).ToString("R") : "30";
        zd.Server.Given(Get(TicketPath)).InScenario("long").WillSetStateTo("served")
            .RespondWith(Json(RateLimited, 429).WithHeader("Retry-After", retryAfter));
        zd.Server.Given(Get(TicketPath)).InScenario("long").WhenStateIs("served").RespondWith(Json(TicketJson));
        zd.Server.Given(Get("/api/v2/users/10")).RespondWith(Json("""{"user": {"id": 10, "name": "Carla", "role": "end-user"}}"""));

        var first = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(Ticket, CancellationToken.None));
        zd.Time.Advance(TimeSpan.FromSeconds(10));
        var again = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(Ticket, CancellationToken.None));
        var user = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetUserAsync(10, CancellationToken.None));

        Assert.Equal(429, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), first.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(20), again.RetryAfter);
        Assert.True(user.IsRateLimited);
        Assert.Equal(1, zd.Calls());

        zd.Time.Advance(TimeSpan.FromSeconds(21));
        Assert.NotNull(await zd.Client.GetThreadAsync(Ticket, CancellationToken.None));
        Assert.NotNull(await zd.Client.GetUserAsync(10, CancellationToken.None));
        Assert.Equal(4, zd.Calls());
    }

    [Fact]
    public async Task AStormOf503sOpensTheBreakerThenATrialCallClosesIt()
    {
        using var zd = Start(o => o.MaxRetries = 2).WithComments();
        zd.Server.Given(Get(TicketPath)).RespondWith(Json(Unavailable, 503));

        // Two calls of three attempts each: six failures, the breaker's minimum.
        for (var i = 0; i < 2; i++)
        {
            var failed = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(Ticket, CancellationToken.None));
            Assert.Equal(503, failed.StatusCode);
        }
        var paused = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(Ticket, CancellationToken.None));
        var alsoPaused = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetMacrosAsync(CancellationToken.None));

        Assert.Equal(6, zd.Calls());
        Assert.Null(paused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), paused.RetryAfter);
        Assert.Contains("paused", paused.Message);
        Assert.NotNull(alsoPaused.RetryAfter);
        Assert.Contains(zd.Logs.Entries, e => e.Event.Id == Copilot.Connectors.Helpdesk.HelpdeskLogEvents.BreakerOpened);

        zd.Time.Advance(TimeSpan.FromSeconds(30));
        zd.Server.Reset();
        zd.WithComments().Server.Given(Get(TicketPath)).RespondWith(Json(TicketJson));

        Assert.NotNull(await zd.Client.GetThreadAsync(Ticket, CancellationToken.None));
        Assert.Contains(zd.Logs.Entries, e => e.Event.Id == Copilot.Connectors.Helpdesk.HelpdeskLogEvents.BreakerClosed);
    }

    [Fact]
    public async Task A503WithALongRetryAfterIsNotRetriedAndHoldsLaterCallsBack()
    {
        using var zd = Start(o => o.MaxRetryAfter = TimeSpan.FromSeconds(5)).WithComments();
        zd.Server.Given(Get(TicketPath)).RespondWith(Json(Unavailable, 503).WithHeader("Retry-After", "60"));

        var first = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(Ticket, CancellationToken.None));
        var second = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(Ticket, CancellationToken.None));

        Assert.Equal(503, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), first.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(60), second.RetryAfter);
        Assert.Equal(1, zd.Calls());
    }

    [Fact]
    public async Task ASlowBodyIsCutByTheAttemptTimeoutAndRetriedOnce()
    {
        using var zd = Start(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(10);
            o.MaxRetries = 1;
        }).WithComments();
        var rest = new TaskCompletionSource();
        // Headers and the first bytes at once, the rest of the body only when the test lets it go.
        zd.Server.Given(Get(TicketPath)).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithSseBody(async (_, body) =>
            {
                body.Write("""{"ticket": {"id": 100, """);
                await rest.Task;
                body.Close();
            }));
        try
        {
            var call = zd.Client.GetThreadAsync(Ticket, CancellationToken.None);
            await FakeClock.WaitForAsync(() => zd.Calls(TicketPath) == 1, "the first attempt");
            zd.Time.Advance(TimeSpan.FromSeconds(10));
            await zd.Time.AdvanceUntilAsync(() => zd.Calls(TicketPath) == 2, Step, Limit);
            zd.Time.Advance(TimeSpan.FromSeconds(10));
            var error = await Assert.ThrowsAsync<HelpdeskException>(() => call);

            Assert.Null(error.StatusCode);
            Assert.Contains("in time", error.Message);
            Assert.Single(zd.Logs.RetryDelays());
        }
        finally
        {
            rest.TrySetResult();
        }
    }

    [Theory]
    [InlineData("""{"ticket": {"id": 100, "subj""")]
    [InlineData("""["not", "a", "ticket"]""")]
    [InlineData("<html><body>Maintenance</body></html>")]
    public async Task ABodyThatIsNotTheExpectedJsonIsAHelpdeskErrorAndIsNotRetried(string body)
    {
        using var zd = Start().WithComments();
        zd.Server.Given(Get(TicketPath)).RespondWith(Json(body));

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(Ticket, CancellationToken.None));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("not the expected JSON", error.Message);
        Assert.Equal(1, zd.Calls());
    }

    [Theory]
    [InlineData(FaultType.EMPTY_RESPONSE, "empty body")]
    [InlineData(FaultType.MALFORMED_RESPONSE_CHUNK, "not the expected JSON")]
    public async Task AnEmptyOrGarbledAnswerIsAHelpdeskErrorAndIsNotRetried(FaultType fault, string message)
    {
        using var zd = Start().WithComments();
        zd.Server.Given(Get(TicketPath)).RespondWith(Response.Create().WithStatusCode(200).WithFault(fault));

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(Ticket, CancellationToken.None));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains(message, error.Message);
        Assert.Equal(1, zd.Calls());
    }

    [Fact]
    public async Task TheAppKeyIsPlainTextAndAMissingAppIsNull()
    {
        using var zd = Start();
        zd.Server.Given(Get("/api/v2/apps/7/public_key.pem")).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/x-pem-file").WithBody("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n"));
        zd.Server.Given(Get("/api/v2/apps/8/public_key.pem")).RespondWith(Json("""{"error":"RecordNotFound"}""", 404));

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", await zd.Client.GetAppPublicKeyAsync(7, CancellationToken.None));
        Assert.Null(await zd.Client.GetAppPublicKeyAsync(8, CancellationToken.None));
        Assert.All(zd.Server.LogEntries, e => Assert.StartsWith("Basic ", e.RequestMessage.Headers!["Authorization"][0]));
    }
}
