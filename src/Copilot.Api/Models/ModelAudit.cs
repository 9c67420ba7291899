using Copilot.Connectors.Models;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Models;

/// <summary>What one model-written suggestion cost and how long it took; stored with the suggestion.</summary>
public sealed record ModelAudit(
    string Model,
    long? TokensIn,
    long? TokensOut,
    decimal CostUsd,
    double? FirstTokenMs,
    double TotalMs,
    IReadOnlyList<string> Flags)
{
    public static ModelAudit From(ModelOptions options, UsageDetails? usage, double? firstTokenMs, double totalMs, IReadOnlyList<string> flags) =>
        new(options.ChatModel ?? "", usage?.InputTokenCount, usage?.OutputTokenCount, options.Prices.ChatCost(usage), firstTokenMs, totalMs, flags);
}

/// <summary>Usage as the API shows it.</summary>
public sealed record UsageDto(string Model, long? InputTokens, long? OutputTokens, decimal CostUsd, double? FirstTokenMs, double TotalMs)
{
    public static UsageDto From(ModelAudit a) =>
        new(a.Model, a.TokensIn, a.TokensOut, Math.Round(a.CostUsd, 6), a.FirstTokenMs is { } f ? Math.Round(f, 1) : null, Math.Round(a.TotalMs, 1));
}
