using Copilot.Api.Knowledge;

namespace Copilot.Api.Assist;

/// <summary>
/// The ticket's intent as retrieval sees it, with no model: the category of the macro that fits
/// best ("Billing::Double charge" → "billing"). A tenant with an intent list only gets intents
/// from that list; anything else is "other". Every suggestion for the ticket carries it, so
/// acceptance can be read per intent.
/// </summary>
public static class RetrievedIntent
{
    public const string Other = Intents.IntentGuess.Other;

    public static string From(IReadOnlyList<KnowledgeHit> macros, IReadOnlyList<string> tenantIntents)
    {
        var best = macros.Count == 0 ? null : macros.MaxBy(m => m.Score);
        var separator = best?.Title.IndexOf("::", StringComparison.Ordinal) ?? -1;
        if (best is null || separator <= 0)
        {
            return Other;
        }
        var category = best.Title[..separator].Trim().ToLowerInvariant().Replace(' ', '-');
        if (tenantIntents.Count == 0)
        {
            return category;
        }
        return tenantIntents.FirstOrDefault(i => string.Equals(i, category, StringComparison.OrdinalIgnoreCase)) ?? Other;
    }
}
