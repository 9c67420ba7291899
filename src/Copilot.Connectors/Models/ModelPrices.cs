using Microsoft.Extensions.AI;

namespace Copilot.Connectors.Models;

/// <summary>What a provider charges per million tokens; used to show predictable cost per suggestion.</summary>
public sealed class ModelPrices
{
    public decimal InputPerMillionTokens { get; set; }
    public decimal OutputPerMillionTokens { get; set; }
    public decimal EmbeddingPerMillionTokens { get; set; }

    public decimal ChatCost(UsageDetails? usage) => usage is null
        ? 0m
        : PerMillion(usage.InputTokenCount, InputPerMillionTokens) + PerMillion(usage.OutputTokenCount, OutputPerMillionTokens);

    public decimal EmbeddingCost(UsageDetails? usage) => usage is null ? 0m : PerMillion(usage.InputTokenCount, EmbeddingPerMillionTokens);

    private static decimal PerMillion(long? tokens, decimal price) => (tokens ?? 0) * price / 1_000_000m;
}
