using Copilot.Connectors.Models;
using Copilot.Fakes.OpenAI;
using Microsoft.Extensions.AI;

namespace Copilot.Tests.Models;

public sealed class DeadlineTests : FakeModelTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    [Fact]
    public async Task AStreamTricklingChunksJustUnderTheChunkTimeoutEndsAtTheCallsDeadline()
    {
        Fake.Responder = _ => new FakeChatReply(string.Join(' ', Enumerable.Range(1, 20).Select(i => $"w{i}")));
        // Every chunk comes well within the per-chunk timeout; the whole answer would take about 6 s.
        Fake.Inject(FakeFault.Slow(TimeSpan.Zero, chunkDelay: TimeSpan.FromMilliseconds(300)));
        var options = Options();
        options.MaxRetries = 0;
        options.TimeoutSeconds = 2;
        options.CallDeadlineSeconds = 2;
        var client = new ModelClientFactory().CreateChatClient("t1", options);

        var received = new List<string>();
        var failure = await Assert.ThrowsAsync<ModelException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hello))
            {
                received.Add(update.Text);
            }
        });

        Assert.Equal(ModelFailure.Timeout, failure.Failure);
        Assert.Contains("deadline", failure.Message, StringComparison.Ordinal);
        Assert.Contains("w1", string.Concat(received));
        Assert.DoesNotContain("w20", string.Concat(received));
    }

    [Fact]
    public async Task RetriesStopAtTheCallsDeadline()
    {
        Fake.Inject(FakeFault.ServerError(500), times: 20);
        var options = Options();
        options.MaxRetries = 10;
        options.RetryBaseDelaySeconds = 0.3;
        options.TimeoutSeconds = 1;
        options.CallDeadlineSeconds = 1;

        var failure = await Assert.ThrowsAsync<ModelException>(() => new ModelClientFactory().CreateChatClient("t1", options).GetResponseAsync(Hello));

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
