namespace Copilot.Api.Intents;

/// <summary>
/// How intent models are trained. The defaults were chosen on a held-out part of banking77's
/// training split (docs/evaluation.md, section "intent"); a tenant does not need to change them.
/// </summary>
public sealed record IntentTrainingOptions
{
    public int Seed { get; init; } = 77;
    public int Epochs { get; init; } = 12;
    public double LearningRate { get; init; } = 1.0;
    public double L2 { get; init; } = 1e-5;
    public double WordWeight { get; init; } = 1.0;
    public double CharWeight { get; init; } = 1.0;
    public double DenseWeight { get; init; } = 1.0;

    /// <summary>From this many examples on, terms seen in a single example are dropped.</summary>
    public int PruneAbove { get; init; } = 2000;

    /// <summary>From this many examples on, calibration uses one held-out share; below it, k-fold cross-validation.</summary>
    public int HoldOutFrom { get; init; } = 1500;
    public double HoldOutShare { get; init; } = 0.15;
    public int Folds { get; init; } = 5;

    public static readonly IntentTrainingOptions Default = new();
}
