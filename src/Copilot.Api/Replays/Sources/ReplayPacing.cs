using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Replays.Sources;

/// <summary>
/// A replay's helpdesk calls, kept within its share of the account's rate limit: each call runs in a
/// <see cref="HelpdeskShare"/> scope, and a call the back-off held (the share spent, the helpdesk's 429) is made again
/// once the wait it named is over, on the clock, until <see cref="ReplayOptions.MaxHelpdeskWaitSeconds"/> have been waited.
/// </summary>
public sealed class ReplayPacing(IOptions<ReplayOptions> options, TimeProvider time)
{
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var limit = TimeSpan.FromSeconds(options.Value.MaxHelpdeskWaitSeconds);
        while (true)
        {
            try
            {
                using (HelpdeskShare.Limit(options.Value.HelpdeskShare))
                {
                    return await call(cancellationToken);
                }
            }
            catch (HelpdeskException e) when ((e.NotSent || e.IsRateLimited) && e.RetryAfter is { } wait && waited + wait <= limit)
            {
                // At least a moment, so a hold that has just ended is not asked about in a tight loop.
                var pause = wait > TimeSpan.FromMilliseconds(50) ? wait : TimeSpan.FromMilliseconds(50);
                await Task.Delay(pause, time, cancellationToken);
                waited += pause;
            }
        }
    }
}
