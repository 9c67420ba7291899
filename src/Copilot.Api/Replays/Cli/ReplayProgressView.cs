using System.Globalization;
using Spectre.Console;

namespace Copilot.Api.Replays.Cli;

/// <summary>
/// Runs a replay in the foreground with its progress on the console: a Spectre.Console progress bar (tickets done of those
/// chosen, tickets a minute, time left) on a terminal; one line every few seconds when the output is redirected.
/// </summary>
public static class ReplayProgressView
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    public static async Task<string> RunAsync(IAnsiConsole console, string id, ReplayStore store, ReplayRunner runner, ReplayOptions options, CancellationToken cancellationToken)
    {
        var work = RunWhenFreeAsync(id, runner, options, cancellationToken);
        if (!console.Profile.Capabilities.Interactive)
        {
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(PlainEvery, CancellationToken.None));
                console.WriteLine(Line(await ProgressAsync(id, store)));
            }
            return await work;
        }
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("choosing tickets", maxValue: 1);
                while (true)
                {
                    var progress = await ProgressAsync(id, store);
                    task.MaxValue = Math.Max(1, progress.Planned ?? 1);
                    task.Value = progress.Done;
                    task.Description = Line(progress).EscapeMarkup();
                    if (work.IsCompleted)
                    {
                        break;
                    }
                    await Task.WhenAny(work, Task.Delay(Every, CancellationToken.None));
                }
                task.StopTask();
            });
        return await work;
    }

    /// <summary>A resumed run whose last process was killed is free once its lease runs out: wait for that, once.</summary>
    private static async Task<string> RunWhenFreeAsync(string id, ReplayRunner runner, ReplayOptions options, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(options.LeaseSeconds + 2);
        while (true)
        {
            try
            {
                return await runner.RunAsync(id, null, cancellationToken);
            }
            catch (ReplayBusyException) when (DateTimeOffset.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private static async Task<ReplayProgress> ProgressAsync(string id, ReplayStore store) =>
        await store.GetAsync(id, CancellationToken.None) is { } run ? await store.ProgressAsync(run, CancellationToken.None) : new ReplayProgress(0, null, 0, null);

    private static string Line(ReplayProgress p) => p.Planned is null
        ? "choosing tickets"
        : string.Create(CultureInfo.InvariantCulture,
            $"{p.Done}/{p.Planned} tickets · {p.Rate:0.#}/min{(p.SecondsLeft is { } s ? $" · {TimeSpan.FromSeconds(s):hh\\:mm\\:ss} left" : "")}");
}
