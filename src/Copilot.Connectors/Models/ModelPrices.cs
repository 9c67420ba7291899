using Microsoft.Extensions.AI;

namespace Copilot.Connectors.Models;

/// <summary>
/// What a provider charges per million tokens, in <see cref="Currency"/>; used to show predictable cost
/// per suggestion. Costs are never converted: they are in the currency the prices are in.
/// </summary>
public sealed class ModelPrices
{
    public const string DefaultCurrency = "USD";

    /// <summary>ISO 4217 code of the prices (and so of every cost computed from them): USD unless set.</summary>
    public string Currency { get; set; } = DefaultCurrency;

    public decimal InputPerMillionTokens { get; set; }
    public decimal OutputPerMillionTokens { get; set; }
    public decimal EmbeddingPerMillionTokens { get; set; }

    public decimal ChatCost(UsageDetails? usage) => usage is null
        ? 0m
        : PerMillion(usage.InputTokenCount, InputPerMillionTokens) + PerMillion(usage.OutputTokenCount, OutputPerMillionTokens);

    public decimal EmbeddingCost(UsageDetails? usage) => usage is null ? 0m : PerMillion(usage.InputTokenCount, EmbeddingPerMillionTokens);

    private static decimal PerMillion(long? tokens, decimal price) => (tokens ?? 0) * price / 1_000_000m;
}
