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

    /// <summary>
    /// The call was not sent: the account is in a wait the helpdesk asked for, or the copilot has spent its
    /// share of the account's rate limit (<see cref="RetryAfter"/> says for how long).
    /// </summary>
    public bool NotSent { get; init; }
}
