using Copilot.Connectors.Models;
using Microsoft.Extensions.AI;

namespace Copilot.Api.ModelTasks;

/// <summary>
/// What one model-written suggestion cost and how long it took; stored with the suggestion.
/// <see cref="Cost"/> is in <see cref="Currency"/>, the currency of the tenant's price table.
/// </summary>
public sealed record ModelAudit(
    string Model,
    long? TokensIn,
    long? TokensOut,
    decimal Cost,
    string Currency,
    double? FirstTokenMs,
    double TotalMs,
    IReadOnlyList<string> Flags)
{
    public static ModelAudit From(ModelOptions options, UsageDetails? usage, double? firstTokenMs, double totalMs, IReadOnlyList<string> flags) =>
        new(options.ChatModel ?? "", usage?.InputTokenCount, usage?.OutputTokenCount, options.Prices.ChatCost(usage), options.Prices.Currency,
            firstTokenMs, totalMs, flags);
}

/// <summary>
/// Usage as the API shows it: <see cref="Cost"/> in <see cref="Currency"/>. <see cref="CostUsd"/> is the
/// same amount, kept for clients that read it, and only present when the currency is USD.
/// </summary>
public sealed record UsageDto(
    string Model, long? InputTokens, long? OutputTokens, decimal Cost, string Currency, decimal? CostUsd, double? FirstTokenMs, double TotalMs)
{
    public static UsageDto From(ModelAudit a)
    {
        var cost = Math.Round(a.Cost, 6);
        return new(a.Model, a.TokensIn, a.TokensOut, cost, a.Currency,
            a.Currency == ModelPrices.DefaultCurrency ? cost : null,
            a.FirstTokenMs is { } f ? Math.Round(f, 1) : null, Math.Round(a.TotalMs, 1));
    }
}
