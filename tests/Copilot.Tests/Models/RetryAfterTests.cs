using Copilot.Connectors.Models;
using Copilot.Fakes.OpenAI;
using Microsoft.Extensions.AI;

namespace Copilot.Tests.Models;

/// <summary>
/// Providers say when to come back in different ways: OpenAI adds <c>retry-after-ms</c>, others send only
/// <c>Retry-After</c>, in seconds or as an HTTP date, on 429 or 503. The gap between attempts is measured
/// on the fake's own clock.
/// </summary>
public sealed class RetryAfterTests : FakeModelTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(50);

    private async Task<(FakeOpenAIRequest First, FakeOpenAIRequest Second)> CallThroughOneFaultAsync(FakeFault fault)
    {
        Fake.Inject(fault);

        var response = await new ModelClientFactory().CreateChatClient("t1", Options()).GetResponseAsync(Hello);

        Assert.Equal("Echo: Hello", response.Text);
        var requests = Fake.Requests;
        Assert.Equal(2, requests.Count);
        return (requests[0], requests[1]);
    }

    [Fact]
    public async Task RetryAfterInSecondsAloneIsWaitedFor()
    {
        var (first, second) = await CallThroughOneFaultAsync(FakeFault.RateLimited(TimeSpan.FromSeconds(1), RetryAfterFormat.Seconds));

        Assert.Equal("1", first.ResponseHeaders["Retry-After"]);
        Assert.False(first.ResponseHeaders.ContainsKey("retry-after-ms"));
        Assert.True(second.ReceivedAt - first.ReceivedAt >= TimeSpan.FromSeconds(1) - Tolerance,
            $"retried after {(second.ReceivedAt - first.ReceivedAt).TotalMilliseconds} ms, asked to wait 1 s");
    }

    [Fact]
    public async Task RetryAfterAsAnHttpDateIsWaitedForUntilThatTime()
    {
        var (first, second) = await CallThroughOneFaultAsync(FakeFault.RateLimited(TimeSpan.FromSeconds(1), RetryAfterFormat.HttpDate));

        var until = DateTimeOffset.ParseExact(first.ResponseHeaders["Retry-After"], "R", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(second.ReceivedAt >= until - Tolerance, $"retried at {second.ReceivedAt:O}, asked to wait until {until:O}");
        Assert.True(until - first.ReceivedAt >= TimeSpan.FromSeconds(1), "the fake's date is at least the wait away");
    }

    [Fact]
    public async Task ServiceUnavailableWithRetryAfterIsRetriedAfterIt()
    {
        var (first, second) = await CallThroughOneFaultAsync(FakeFault.Unavailable(TimeSpan.FromSeconds(1)));

        Assert.Equal("1", first.ResponseHeaders["Retry-After"]);
        Assert.True(second.ReceivedAt - first.ReceivedAt >= TimeSpan.FromSeconds(1) - Tolerance,
            $"retried after {(second.ReceivedAt - first.ReceivedAt).TotalMilliseconds} ms, asked to wait 1 s");
    }

    [Theory]
    [InlineData(RetryAfterFormat.Seconds)]
    [InlineData(RetryAfterFormat.HttpDate)]
    public async Task RetryAfterBeyondTheCallsDeadlineFailsAtOnceInsteadOfSleeping(RetryAfterFormat format)
    {
        // Nothing moves this clock: a wait for the Retry-After, or any backoff, would never end.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        Fake.Inject(FakeFault.Unavailable(TimeSpan.FromSeconds(5), format), times: 3);
        var options = Options();
        options.TimeoutSeconds = 1;
        options.CallDeadlineSeconds = 2;
        options.MaxRetryAfterSeconds = 20;

        var failure = await Assert.ThrowsAsync<ModelException>(() =>
            new ModelClientFactory(timeProvider: time).CreateChatClient("t1", options).GetResponseAsync(Hello).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(503, failure.StatusCode);
        Assert.InRange(failure.RetryAfter!.Value, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));
        Assert.Contains("deadline", failure.Message, StringComparison.Ordinal);
        Assert.Contains("not waiting", failure.Message, StringComparison.Ordinal);
        Assert.Single(Fake.Requests);
    }
}
