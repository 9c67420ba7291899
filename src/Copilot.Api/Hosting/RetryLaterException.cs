namespace Copilot.Api.Hosting;

/// <summary>
/// We could not answer in time but will be able to: a 503 problem with <c>Retry-After</c>. Thrown by a
/// feature whose work goes on in the background (an assist past its deadline), so the retry finds it done.
/// </summary>
public sealed class RetryLaterException(string title, string detail, TimeSpan retryAfter) : Exception(detail)
{
    public string Title { get; } = title;
    public TimeSpan RetryAfter { get; } = retryAfter;
}
