namespace Copilot.Connectors.Models;

/// <summary>Why a model call failed, for callers that degrade differently per cause.</summary>
public enum ModelFailure
{
    /// <summary>The provider answered with an error status (<see cref="ModelException.StatusCode"/>).</summary>
    Http,
    /// <summary>The provider could not be reached or the connection broke.</summary>
    Network,
    /// <summary>No answer within the configured time.</summary>
    Timeout,
    /// <summary>Too many recent failures; calls are refused until the breaker closes.</summary>
    CircuitOpen,
    /// <summary>The provider answered, but the answer was unusable (garbled, cut short).</summary>
    InvalidResponse,
}

/// <summary>
/// A model call failed. <see cref="StatusCode"/> is the provider's HTTP status (null when no status
/// came back); <see cref="RetryAfter"/> is set when the provider or the breaker says when to try again.
/// Messages never carry API keys or prompt text.
/// </summary>
public sealed class ModelException(
    string provider,
    int? statusCode,
    string message,
    TimeSpan? retryAfter = null,
    ModelFailure failure = ModelFailure.Http,
    Exception? inner = null) : Exception(message, inner)
{
    public string Provider { get; } = provider;
    public int? StatusCode { get; } = statusCode;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public ModelFailure Failure { get; } = failure;
    public bool IsRateLimited => StatusCode == 429;

    /// <summary>Worth another attempt: rate limits, server errors and broken connections.</summary>
    public bool IsTransient => Failure switch
    {
        ModelFailure.Network => true,
        ModelFailure.Http => StatusCode is 408 or 429 or >= 500,
        _ => false,
    };
}
