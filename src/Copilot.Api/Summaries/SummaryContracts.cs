using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Summaries;

/// <summary>The four things an agent wants from a thread summary.</summary>
public sealed record ThreadSummary(string CustomerWants, string Tried, string Status, string NextStep)
{
    /// <summary>The language of the summary's own words (labels and connecting sentences); quotes stay as written.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The summary as recorded in the suggestion log: the four parts, one labelled line each, labels in <see cref="Language"/>.</summary>
    public string ToText()
    {
        var labels = SummaryPhrases.For(Language).Labels;
        return $"{labels[0]}: {CustomerWants}\n{labels[1]}: {Tried}\n{labels[2]}: {Status}\n{labels[3]}: {NextStep}";
    }
}

public interface ISummarizer
{
    ThreadSummary Summarize(HelpdeskThread thread, bool includeInternalNotes);
}
