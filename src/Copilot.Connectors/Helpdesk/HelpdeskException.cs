namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// The helpdesk failed or could not be reached. <see cref="StatusCode"/> is the helpdesk's
/// HTTP status (null when no answer came); <see cref="RetryAfter"/> is set when it asked us to slow down.
/// </summary>
public sealed class HelpdeskException(string helpdesk, int? statusCode, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Helpdesk { get; } = helpdesk;
    public int? StatusCode { get; } = statusCode;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public bool IsRateLimited => StatusCode == 429;
}
