namespace Copilot.Evaluation;

/// <summary>Recall@1, @3, @10 and MRR (over the top 10) of one retrieval setting.</summary>
public sealed record Metrics(string Name, double RecallAt1, double RecallAt3, double RecallAt10, double Mrr, double MeanMs)
{
    public static Metrics From(string name, IReadOnlyList<int?> ranks, double meanMs) => new(
        name,
        ranks.Count(r => r == 1) / (double)ranks.Count,
        ranks.Count(r => r <= 3) / (double)ranks.Count,
        ranks.Count(r => r is not null) / (double)ranks.Count,
        ranks.Sum(r => r is { } x ? 1.0 / x : 0) / ranks.Count,
        meanMs);

    public string Row() => $"| {Name} | {RecallAt1:0.00} | {RecallAt3:0.00} | {RecallAt10:0.00} | {Mrr:0.000} | {MeanMs:0.0} |";

    public const string Header = "| setting | Recall@1 | Recall@3 | Recall@10 | MRR@10 | ms/query |\n|---|---|---|---|---|---|";
}
