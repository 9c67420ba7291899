using System.Net;
using System.Text.Json;

namespace Copilot.Tests.BothHelpdesks;

/// <summary>
/// A helpdesk that fails or rate-limits, the same way on both: each test starts its own fakes and host, so the
/// back-off and breaker it provokes touch no other test.
/// </summary>
public sealed class BothHelpdesksFaultTests
{
    public static TheoryData<string> Helpdesks => BothHelpdesksFixture.Helpdesks;

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task AHelpdeskThatKeepsFailingAnswers502NamingIt(string helpdesk)
    {
        await using var run = await FaultRun.StartAsync();
        var c = run.Fixture[helpdesk];
        c.Faults.Fail(500, times: 10);

        var (status, problem) = await run.Fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.BillingDispute}/assist");

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Equal($"The helpdesk ({c.Kind}) failed", problem.GetProperty("title").GetString());
        Assert.Contains("500", problem.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task ARateLimitIsHonouredAcrossRequestsWith503AndRetryAfter(string helpdesk)
    {
        await using var run = await FaultRun.StartAsync();
        var c = run.Fixture[helpdesk];
        c.Faults.RateLimit(1, retryAfterSeconds: 30);
        var before = c.RequestCount();

        var answers = new List<(HttpStatusCode Status, TimeSpan? RetryAfter)>();
        foreach (var ticket in new[] { c.BillingDispute, c.German, c.LockedOut, c.Drafted, c.Angry })
        {
            using var request = run.Fixture.Request(c, HttpMethod.Get, $"/api/tickets/{ticket}/assist");
            using var response = await run.Fixture.Client.SendAsync(request);
            answers.Add((response.StatusCode, response.Headers.RetryAfter?.Delta));
        }

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.InRange(a.RetryAfter!.Value.TotalSeconds, 1, 30);
        });
        Assert.Equal(1, c.RequestCount() - before);
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task AnIntentFieldTheHelpdeskWillNotDescribeLeavesTheFieldAloneAndTheOtherActionsCome(string helpdesk)
    {
        await using var run = await FaultRun.StartAsync(intentFields: true);
        var c = await FieldReadRefusedAsync(run, helpdesk);

        var (status, actions) = await run.Fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.BillingDispute}/actions");

        Assert.Equal(HttpStatusCode.OK, status);
        var kinds = actions.GetProperty("actions").EnumerateArray().Where(a => a.GetProperty("source").GetString() == "triage")
            .Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Contains("add-tags", kinds);
        Assert.DoesNotContain("set-field", kinds);
        Assert.Equal(0, c.Faults.Pending);
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task TriageAnswersWithoutTheIntentFieldWhenTheHelpdeskWillNotDescribeIt(string helpdesk)
    {
        await using var run = await FaultRun.StartAsync(intentFields: true);
        var c = await FieldReadRefusedAsync(run, helpdesk);

        var (status, triage) = await run.Fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{c.BillingDispute}/triage");

        Assert.Equal(HttpStatusCode.OK, status);
        var applyTo = triage.GetProperty("applyTo");
        Assert.True(!applyTo.TryGetProperty("intentField", out var field) || field.ValueKind == JsonValueKind.Null, $"no intent field: {applyTo}");
        Assert.Equal("intent_billing", applyTo.GetProperty("intentTags").GetProperty("billing").GetString());
        Assert.Equal(0, c.Faults.Pending);
    }

    /// <summary>Both fakes and a host of their own, knowledge synced before any fault is queued (the faults hit the thread reads).</summary>
    private sealed class FaultRun : IAsyncDisposable
    {
        public required BothHelpdesksFixture Fixture { get; init; }

        /// <param name="intentFields">The tenants learn the demo intents and name their accounts' Intent dropdowns (<see cref="IntentFieldTests"/>).</param>
        public static async Task<FaultRun> StartAsync(bool intentFields = false)
        {
            var fixture = intentFields ? new BothHelpdesksFixture((f, host) => IntentFieldTests.WithIntentFields(host, f["zendesk"], f["freshdesk"])) : new BothHelpdesksFixture();
            await fixture.InitializeAsync();
            return new FaultRun { Fixture = fixture };
        }

        public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
    }

    /// <summary>The billing dispute's assist read, then a 403 for the next call: the intent field's definition (the thread is cached), refused as a key without the right to read fields is.</summary>
    private static async Task<HelpdeskCase> FieldReadRefusedAsync(FaultRun run, string helpdesk)
    {
        var c = run.Fixture[helpdesk];
        var (read, _) = await run.Fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.BillingDispute}/assist");
        Assert.Equal(HttpStatusCode.OK, read);
        c.Faults.Fail(403);
        return c;
    }
}
