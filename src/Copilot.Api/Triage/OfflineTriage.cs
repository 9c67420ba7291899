using Copilot.Api.Assist;
using Copilot.Api.Boundaries;
using Copilot.Api.Intents;
using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Triage;

/// <summary>
/// Triage with no model. Intent: the tenant's learned intent model (calibrated probability, "other"
/// under the tenant's floor), else the retrieved macro's category as a low-confidence guess.
/// Sentiment: the boundary rules' anger score of the customer's latest message, then positive and
/// negative cues in it. Priority: emergencies, lock-outs, money and deadlines, the boundary warnings
/// (threats, disputes, anger, repeated contact) against plain questions. Sentiment and priority
/// confidences are rule strengths — how much evidence there is — not measured probabilities.
/// </summary>
internal static class OfflineTriage
{
    public static (TriageResult Result, IReadOnlyList<Labelled> Candidates) Run(AssistContext context, IntentGuess? learned, (double Score, double Threshold)? anger)
    {
        var latest = CustomerWords(context.Thread, latestOnly: true);
        var all = CustomerWords(context.Thread, latestOnly: false);
        var intent = learned is not null ? new Labelled(learned.Intent, learned.Confidence)
            // The best-fitting macro's category, as retrieval sees it; a guess, so a low confidence.
            : context.Intent == RetrievedIntent.Other ? new Labelled(TriagePrompt.OtherIntent, 0) : new Labelled(context.Intent, 0.4);
        var candidates = learned?.Candidates.Select(c => new Labelled(c.Intent, c.Probability)).ToList() ?? [];
        var result = new TriageResult(
            intent,
            Sentiment(latest, anger),
            new Labelled(context.Language.Code, Math.Round(context.Language.Confidence, 3)),
            Priority(all, context.Thread.Ticket.Priority, context.Warnings, anger));
        return (result, candidates);
    }

    internal static Labelled Sentiment(string text, (double Score, double Threshold)? anger)
    {
        if (anger is { } a && a.Score >= a.Threshold)
        {
            return new Labelled("angry", Math.Round(Math.Min(0.95, 0.6 + (a.Score - a.Threshold)), 2));
        }
        // "Not happy about it" is unhappy, and "no problem" is none.
        var (positive, unhappy) = TriageCues.CountAffirmed(TriageCues.Positive(), text);
        // A customer who says they will leave ("I'll take my business elsewhere") is unhappy however politely it is put.
        var negative = TriageCues.CountAffirmed(TriageCues.Negative(), text).Affirmed + unhappy + (anger?.Score > 0 ? 1 : 0)
            + 2 * Cues.Leaving().Count(text);
        var margin = Math.Abs(negative - positive);
        return negative == positive
            ? new Labelled("neutral", negative == 0 ? 0.6 : 0.4)
            : new Labelled(negative > positive ? "negative" : "positive", Math.Round(Math.Min(0.9, 0.5 + 0.15 * margin), 2));
    }

    internal static Labelled Priority(string text, string? helpdeskPriority, IReadOnlyList<BoundaryWarning> warnings, (double Score, double Threshold)? anger)
    {
        bool Warned(string id) => warnings.Any(w => w.RuleId.Contains(id, StringComparison.OrdinalIgnoreCase));
        var pressing = TriageCues.Pressing().Count(text);
        var pressure = pressing + (Warned("legal") ? 2 : 0) + (Warned("dispute") ? 2 : 0) + (Warned("access") ? 1 : 0)
            + (Warned("anger") || anger is { } a && a.Score >= a.Threshold ? 1 : 0) + (Warned("repeated") ? 1 : 0);
        if (TriageCues.Emergency().IsMatch(text))
        {
            return new Labelled("urgent", 0.8);
        }
        if (Warned("legal") && pressure >= 3)
        {
            return new Labelled("urgent", 0.6);
        }
        if (pressure > 0)
        {
            return new Labelled("high", Math.Round(Math.Min(0.85, 0.5 + 0.1 * pressure), 2));
        }
        if (TriageCues.Question().IsMatch(text) && TriageCues.Negative().Count(text) == 0)
        {
            return new Labelled("low", 0.6);
        }
        // Nothing stands out: the helpdesk's own priority if someone set one, else normal.
        return helpdeskPriority is { } p && TriagePrompt.Priorities.Contains(p) ? new Labelled(p, 0.5) : new Labelled("normal", 0.5);
    }

    /// <summary>The customer's own words (no quotes, greetings or sign-offs), with the subject for a first message.</summary>
    private static string CustomerWords(HelpdeskThread thread, bool latestOnly)
    {
        var customer = thread.Comments.Where(c => c.Public && c.Author.Role == AuthorRole.Customer).ToList();
        var picked = latestOnly ? customer.TakeLast(1).ToList() : customer;
        var text = string.Join("\n", picked.Select(c => ThreadText.Clean(ThreadText.Normalize(c.Text))));
        return customer.Count <= 1 || !latestOnly ? thread.Ticket.Subject + "\n" + text : text;
    }
}
