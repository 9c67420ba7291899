using Polly;

namespace Copilot.Connectors.Models;

/// <summary>The time limits of a tenant's calls, from its <see cref="ModelOptions"/>.</summary>
internal sealed record ModelCallLimits(TimeSpan Attempt, TimeSpan Call)
{
    /// <summary>When the call started (a <see cref="TimeProvider"/> timestamp), for the retry strategy to see how much time is left.</summary>
    public static readonly ResiliencePropertyKey<long> Started = new("copilot.model.started");

    /// <summary>The call's whole deadline.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> Deadline = new("copilot.model.deadline");

    /// <summary>Why the retry strategy would not wait as long as the provider asked, when it would not.</summary>
    public static readonly ResiliencePropertyKey<string> Refused = new("copilot.model.refused");

    public static ModelCallLimits From(ModelOptions options) => new(
        TimeSpan.FromSeconds(options.TimeoutSeconds),
        TimeSpan.FromSeconds(options.CallDeadlineSeconds));

    /// <summary>Time left of the call whose context this is; unbounded when the context carries no deadline.</summary>
    public static TimeSpan Left(ResilienceContext context, TimeProvider time) =>
        context.Properties.TryGetValue(Started, out var started) && context.Properties.TryGetValue(Deadline, out var deadline)
            ? deadline - time.GetElapsedTime(started)
            : TimeSpan.MaxValue;
}
