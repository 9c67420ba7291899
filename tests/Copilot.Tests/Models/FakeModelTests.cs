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
