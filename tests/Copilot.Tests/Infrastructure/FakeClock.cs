using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Infrastructure;

/// <summary>
/// A fake clock for code that waits (Retry-After, backoff, timeouts, deadlines): tests move time
/// forward instead of sleeping, and read how far it had to go.
/// </summary>
public static class FakeClock
{
    /// <summary>A fake clock at the current time, on a whole second (HTTP dates have no fractions).</summary>
    public static FakeTimeProvider AtNow()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
    }

    /// <summary>
    /// Moves the clock forward a <paramref name="step"/> at a time until <paramref name="task"/> ends,
    /// giving the real work between steps a moment; returns how much fake time passed. Fails the test
    /// past <paramref name="limit"/>.
    /// </summary>
    public static Task<TimeSpan> AdvanceUntilAsync(this FakeTimeProvider time, Task task, TimeSpan step, TimeSpan limit) =>
        time.AdvanceUntilAsync(() => task.IsCompleted, step, limit);

    /// <summary>
    /// As above, until <paramref name="condition"/> holds. Small steps, because a wait is registered on
    /// the clock a moment after the code decides on it: a single big jump could land before it.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(this FakeTimeProvider time, Func<bool> condition, TimeSpan step, TimeSpan limit)
    {
        var advanced = TimeSpan.Zero;
        while (true)
        {
            // The real work (sockets, the server) runs on the wall clock; only the waits are on the fake one.
            for (var i = 0; i < 3 && !condition(); i++)
            {
                await Task.Delay(5);
            }
            if (condition())
            {
                return advanced;
            }
            Assert.True(advanced < limit, $"Still waiting after {advanced} of fake time.");
            time.Advance(step);
            advanced += step;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="total"/> in steps, letting the real work run between them.</summary>
    public static async Task AdvanceByAsync(this FakeTimeProvider time, TimeSpan total, TimeSpan step)
    {
        for (var advanced = TimeSpan.Zero; advanced < total; advanced += step)
        {
            await Task.Delay(5);
            time.Advance(step < total - advanced ? step : total - advanced);
        }
        await Task.Delay(5);
    }

    /// <summary>
    /// Waits (on the wall clock, briefly each time) until <paramref name="condition"/> holds: a request has
    /// reached a fake, a retry has been scheduled. Then the test knows what is waiting on the fake clock.
    /// </summary>
    public static async Task WaitForAsync(Func<bool> condition, string what)
    {
        // A guard against a test that would wait forever, not a measure of anything.
        var giveUp = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && giveUp.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(5);
        }
        Assert.True(condition(), $"Never happened: {what}.");
    }
}
