using Copilot.Connectors.Models;
using Copilot.Fakes.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Models;

public sealed class DeadlineTests : FakeModelTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    [Fact]
    public async Task AStreamTricklingChunksJustUnderTheChunkTimeoutEndsAtTheCallsDeadline()
    {
        Fake.Responder = _ => new FakeChatReply(string.Join(' ', Enumerable.Range(1, 20).Select(i => $"w{i}")));
        Fake.Inject(FakeFault.Slow(TimeSpan.Zero, chunkDelay: TimeSpan.FromMilliseconds(10)));
        var time = new FakeTimeProvider();
        var options = Options();
        options.MaxRetries = 0;
        options.TimeoutSeconds = 2;
        options.CallDeadlineSeconds = 3;
        var client = new ModelClientFactory(timeProvider: time).CreateChatClient("t1", options);

        // Every chunk comes a second after the one before: within the 2 s per chunk, past the call's 3 s after the third.
        var received = new List<string>();
        var failure = await Assert.ThrowsAsync<ModelException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hello))
            {
                received.Add(update.Text);
                if (update.Text.Length > 0)
                {
                    time.Advance(TimeSpan.FromSeconds(1));
                }
            }
        });

        Assert.Equal(ModelFailure.Timeout, failure.Failure);
        Assert.Contains("deadline", failure.Message, StringComparison.Ordinal);
        Assert.Contains("w3", string.Concat(received));
        Assert.DoesNotContain("w5", string.Concat(received));
    }

    [Fact]
    public async Task RetriesStopAtTheCallsDeadline()
    {
        Fake.Inject(FakeFault.ServerError(500), times: 20);
        var time = new FakeTimeProvider();
        var options = Options();
        options.MaxRetries = 10;
        options.RetryBaseDelaySeconds = 0.3;
        options.TimeoutSeconds = 1;
        options.CallDeadlineSeconds = 1;

        var call = new ModelClientFactory(timeProvider: time).CreateChatClient("t1", options).GetResponseAsync(Hello);
        var failure = await Assert.ThrowsAsync<ModelException>(() => AdvanceUntilDoneAsync(call, time, TimeSpan.FromMilliseconds(50)));

        Assert.Equal(ModelFailure.Timeout, failure.Failure);
        Assert.Contains("deadline", failure.Message, StringComparison.Ordinal);
        // A timeout, not the last 500: the deadline ended the call before its ten retries were spent.
        Assert.InRange(Fake.Requests.Count, 1, 10);
    }

    [Fact]
    public async Task CallerCancellationDuringAStreamStaysACancellation()
    {
        Fake.Responder = _ => new FakeChatReply("one two three four five six");
        Fake.Inject(FakeFault.Slow(TimeSpan.Zero, chunkDelay: TimeSpan.FromMilliseconds(200)));
        using var cts = new CancellationTokenSource();
        var client = new ModelClientFactory().CreateChatClient("t1", Options());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync(Hello, cancellationToken: cts.Token))
            {
                cts.Cancel();
            }
        });
    }

    [Fact]
    public void ADeadlineShorterThanOneAttemptIsAConfigurationError()
    {
        var options = Options();
        options.TimeoutSeconds = 30;
        options.CallDeadlineSeconds = 10;

        Assert.Contains(options.Validate("M"), e => e.StartsWith("M:CallDeadlineSeconds", StringComparison.Ordinal));
        Assert.Equal(60, new ModelOptions().CallDeadlineSeconds);
    }
}
