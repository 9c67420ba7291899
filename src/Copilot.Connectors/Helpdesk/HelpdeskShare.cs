namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// A smaller share of an account's rate limit for the calls made in a scope (a replay of solved tickets): within
/// <see cref="Limit"/>, the back-off handler holds those calls once what the helpdesk reports left in its window
/// falls to <c>1 − share</c> of the limit. The hold is the scope's own: agents' calls to the account go on.
/// Flows with the async context, like a <see cref="System.Threading.AsyncLocal{T}"/>.
/// </summary>
public static class HelpdeskShare
{
    private static readonly AsyncLocal<double?> Current = new();

    /// <summary>The share of the calls made in this scope; null outside any.</summary>
    public static double? Share => Current.Value;

    /// <summary>The back-off key of an account's scoped calls, beside the account's own.</summary>
    internal static string Lane(string account) => account + "#share";

    /// <param name="share">Above 0 and at most 1.</param>
    public static IDisposable Limit(double share)
    {
        if (share is <= 0 or > 1 || double.IsNaN(share))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "A share is above 0 and at most 1.");
        }
        var previous = Current.Value;
        Current.Value = share;
        return new Scope(previous);
    }

    private sealed class Scope(double? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
