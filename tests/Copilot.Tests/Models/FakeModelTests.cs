using Copilot.Connectors.Models;
using Copilot.Fakes.OpenAI;

namespace Copilot.Tests.Models;

/// <summary>A fresh fake OpenAI server per test, and model options pointing at it.</summary>
public abstract class FakeModelTests : IAsyncLifetime
{
    protected const string Key = "test-key-0123456789";
    protected FakeOpenAI Fake { get; private set; } = null!;

    public async Task InitializeAsync() => Fake = await FakeOpenAI.StartAsync();

    public async Task DisposeAsync() => await Fake.DisposeAsync();

    protected ModelOptions Options(string provider = ModelProviders.OpenAI, string? endpoint = null) => new()
    {
        Provider = provider,
        Endpoint = endpoint ?? (provider == ModelProviders.AzureOpenAI ? Fake.AzureEndpoint : Fake.OpenAIEndpoint).ToString(),
        ApiKey = Key,
        ChatModel = "gpt-test",
        EmbeddingModel = "embed-test",
        EmbeddingDimensions = 32,
        TimeoutSeconds = 10,
        MaxRetries = 2,
        RetryBaseDelaySeconds = 0.01,
    };

    /// <summary>Waits (briefly, in real time) until the fake has received <paramref name="count"/> requests.</summary>
    protected async Task WaitForRequestsAsync(int count)
    {
        for (var i = 0; i < 2_000 && Fake.Requests.Count < count; i++)
        {
            await Task.Delay(5);
        }
        Assert.True(Fake.Requests.Count >= count, $"the fake received {Fake.Requests.Count} requests, expected {count}");
    }

    /// <summary>Moves <paramref name="time"/> on by <paramref name="step"/> until <paramref name="call"/> ends (at most 1,000 steps).</summary>
    protected static async Task<T> AdvanceUntilDoneAsync<T>(Task<T> call, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, TimeSpan step)
    {
        for (var i = 0; i < 1_000 && !call.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(call, Task.Delay(5));
        }
        return await call;
    }
}

/// <summary>Passes timers through to the system clock and remembers every delay asked for.</summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_delays)
        {
            _delays.Add(dueTime);
        }
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
