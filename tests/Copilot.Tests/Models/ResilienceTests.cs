using Copilot.Connectors.Models;
using Copilot.Fakes.OpenAI;
using Microsoft.Extensions.AI;

namespace Copilot.Tests.Models;

public sealed class ResilienceTests : FakeModelTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    [Fact]
    public async Task RateLimitIsRetriedAfterTheServersRetryAfterThenSucceeds()
    {
        var time = new RecordingTimeProvider();
        Fake.Inject(FakeFault.RateLimited(TimeSpan.FromMilliseconds(230)));

        var response = await new ModelClientFactory(timeProvider: time).CreateChatClient("t1", Options()).GetResponseAsync(Hello);

        Assert.Equal("Echo: Hello", response.Text);
        Assert.Equal(2, Fake.Requests.Count);
        Assert.Contains(TimeSpan.FromMilliseconds(230), time.Delays);
    }

    [Fact]
    public async Task RetryAfterLongerThanWeWaitFailsAtOnceWithTheProvidersHint()
    {
        Fake.Inject(FakeFault.RateLimited(TimeSpan.FromSeconds(90)));

        var failure = await Assert.ThrowsAsync<ModelException>(() => new ModelClientFactory().CreateChatClient("t1", Options()).GetResponseAsync(Hello));

        Assert.True(failure.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(90), failure.RetryAfter);
        Assert.Single(Fake.Requests);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedUpToTheLimit()
    {
        Fake.Inject(FakeFault.ServerError(500), times: 2);

        var response = await new ModelClientFactory().CreateChatClient("t1", Options()).GetResponseAsync(Hello);

        Assert.Equal("Echo: Hello", response.Text);
        Assert.Equal(3, Fake.Requests.Count);
    }

    [Fact]
    public async Task PersistentServerErrorBecomesAModelExceptionAfterTheLastRetry()
    {
        Fake.Inject(FakeFault.ServerError(503), times: 5);
        var options = Options();
        options.MaxRetries = 1;

        var failure = await Assert.ThrowsAsync<ModelException>(() => new ModelClientFactory().CreateChatClient("t1", options).GetResponseAsync(Hello));

        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(ModelProviders.OpenAI, failure.Provider);
        Assert.Equal(2, Fake.Requests.Count);
    }

    [Fact]
    public async Task StreamingIsRetriedWhenTheFirstAttemptIsRateLimited()
    {
        Fake.Inject(FakeFault.RateLimited(TimeSpan.FromMilliseconds(20)));
        var client = new ModelClientFactory().CreateChatClient("t1", Options());

        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync(Hello))
        {
            text += update.Text;
        }

        Assert.Equal("Echo: Hello", text);
        Assert.Equal(2, Fake.Requests.Count);
    }

    [Fact]
    public async Task BreakerOpensAfterRepeatedFailuresAndStopsCallingTheProvider()
    {
        Fake.Inject(FakeFault.ServerError(500), times: 10);
        var options = Options();
        options.MaxRetries = 0;
        options.BreakerMinimumThroughput = 2;
        options.BreakDurationSeconds = 60;
        var factory = new ModelClientFactory();
        var client = factory.CreateChatClient("t1", options);

        await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Hello));
        await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Hello));
        var open = await Assert.ThrowsAsync<ModelException>(() => factory.CreateChatClient("t1", options).GetResponseAsync(Hello));

        Assert.Equal(ModelFailure.CircuitOpen, open.Failure);
        Assert.NotNull(open.RetryAfter);
        Assert.Equal(2, Fake.Requests.Count);

        // Another tenant has its own breaker and still reaches the provider.
        await Assert.ThrowsAsync<ModelException>(() => factory.CreateChatClient("t2", options).GetResponseAsync(Hello));
        Assert.Equal(3, Fake.Requests.Count);
    }

    [Fact]
    public async Task OpeningOneProvidersBreakerLeavesTheSameTenantsOtherProviderWorking()
    {
        Fake.Inject(FakeFault.ServerError(500), times: 2);
        ModelOptions Fragile(string provider)
        {
            var options = Options(provider);
            options.MaxRetries = 0;
            options.BreakerMinimumThroughput = 2;
            options.BreakDurationSeconds = 60;
            return options;
        }
        var factory = new ModelClientFactory();
        var openai = factory.CreateChatClient("t1", Fragile(ModelProviders.OpenAI));
        await Assert.ThrowsAsync<ModelException>(() => openai.GetResponseAsync(Hello));
        await Assert.ThrowsAsync<ModelException>(() => openai.GetResponseAsync(Hello));
        var open = await Assert.ThrowsAsync<ModelException>(() => factory.CreateChatClient("t1", Fragile(ModelProviders.OpenAI)).GetResponseAsync(Hello));
        Assert.Equal(ModelFailure.CircuitOpen, open.Failure);
        Assert.Equal(2, Fake.Requests.Count);

        var response = await factory.CreateChatClient("t1", Fragile(ModelProviders.AzureOpenAI)).GetResponseAsync(Hello);

        Assert.Equal("Echo: Hello", response.Text);
        Assert.Equal(3, Fake.Requests.Count);
        Assert.Equal("/openai/deployments/gpt-test/chat/completions", Fake.Requests[^1].Path);
    }

    [Fact]
    public async Task ClientErrorsDoNotOpenTheBreaker()
    {
        Fake.RequiredApiKey = "another-key";
        var options = Options();
        options.MaxRetries = 0;
        options.BreakerMinimumThroughput = 2;
        var client = new ModelClientFactory().CreateChatClient("t1", options);

        for (var i = 0; i < 4; i++)
        {
            var failure = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Hello));
            Assert.Equal(401, failure.StatusCode);
        }
        Assert.Equal(4, Fake.Requests.Count);
    }

    [Fact]
    public async Task SlowProviderTimesOutAsModelException()
    {
        Fake.Inject(FakeFault.Slow(TimeSpan.FromSeconds(30)));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = Options();
        options.MaxRetries = 0;
        options.TimeoutSeconds = 0.3;

        var call = new ModelClientFactory(timeProvider: time).CreateChatClient("t1", options).GetResponseAsync(Hello);
        await WaitForRequestsAsync(1);
        time.Advance(TimeSpan.FromSeconds(0.3));
        var failure = await Assert.ThrowsAsync<ModelException>(() => call);

        Assert.Equal(ModelFailure.Timeout, failure.Failure);
        Assert.Null(failure.StatusCode);
    }

    [Fact]
    public async Task StreamThatStallsBetweenChunksTimesOut()
    {
        Fake.Responder = _ => new FakeChatReply("one two three");
        Fake.Inject(FakeFault.Slow(TimeSpan.Zero, chunkDelay: TimeSpan.FromSeconds(30)));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = Options();
        options.MaxRetries = 0;
        options.TimeoutSeconds = 0.3;
        var client = new ModelClientFactory(timeProvider: time).CreateChatClient("t1", options);

        // The first chunk arrives; the next is 30 s away, and 0.3 s pass on the client's clock while it waits.
        var failure = await Assert.ThrowsAsync<ModelException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync(Hello))
            {
                time.Advance(TimeSpan.FromSeconds(0.3));
            }
        });

        Assert.Equal(ModelFailure.Timeout, failure.Failure);
    }
}
