namespace Copilot.Api.Intents;

/// <summary>
/// How intent models are trained; a tenant does not need to change them. On a held-out 15% of
/// banking77's training split, 20 epochs instead of 12, L2 1e-6 instead of 1e-5 and character
/// weight 1.5 instead of 1 all stayed within half a point of accuracy (0.90), so the defaults are
/// the cheapest of them.
/// </summary>
public sealed record IntentTrainingOptions
{
    public int Seed { get; init; } = 77;
    public int Epochs { get; init; } = 12;
    public double LearningRate { get; init; } = 1.0;
    public double L2 { get; init; } = 1e-5;
    public double WordWeight { get; init; } = 1.0;
    public double CharWeight { get; init; } = 1.0;
    public double DenseWeight { get; init; } = 2.0;

    /// <summary>Centre the embeddings on the examples' mean before they are appended (off only to measure what it does).</summary>
    public bool CentreEmbeddings { get; init; } = true;

    /// <summary>
    /// Least similarity (centred cosine) a text's embedding needs to its closest example for its meaning to count when
    /// none of its words is known: below it the text is about something no example is about, and gets the base rates
    /// (unsure), as a text of unknown words does. A greeting alone is never read by its meaning. docs/evaluation.md ("Intent",
    /// requests about something else) measures what it turns away. Unset: the floor calibrated for the built-in model
    /// the examples were embedded with (<see cref="Copilot.Connectors.Models.Local.LocalModelSpec.MeaningSimilarity"/>:
    /// MiniLM 0.4, arctic-embed-xs 0.35).
    /// </summary>
    public double? MinMeaningSimilarity { get; init; }

    /// <summary>From this many examples on, terms seen in a single example are dropped.</summary>
    public int PruneAbove { get; init; } = 2000;

    /// <summary>From this many examples on, calibration uses one held-out share; below it, k-fold cross-validation.</summary>
    public int HoldOutFrom { get; init; } = 1500;
    public double HoldOutShare { get; init; } = 0.15;
    public int Folds { get; init; } = 5;

    public static readonly IntentTrainingOptions Default = new();
}
