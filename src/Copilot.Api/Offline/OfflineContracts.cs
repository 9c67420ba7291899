using Copilot.Api.Knowledge;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Offline;

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

public sealed record DetectedLanguage(string Code, double Confidence);

/// <summary>Everything a draft may draw on; <see cref="Sources"/> are numbered 1..n in that order.</summary>
public sealed record DraftInput(
    HelpdeskThread Thread,
    IReadOnlyList<KnowledgeHit> Sources,
    DetectedLanguage Language,
    string? AgentName,
    bool IncludeInternalNotes);

/// <summary>A draft and the sources (by <see cref="KnowledgeHit.SourceId"/>) it used.</summary>
public sealed record DraftText(string Text, IReadOnlyList<string> CitedSourceIds);

public interface ISummarizer
{
    ThreadSummary Summarize(HelpdeskThread thread, bool includeInternalNotes);
}

public interface IOfflineDrafter
{
    DraftText Draft(DraftInput input);
}

public interface ILanguageDetector
{
    DetectedLanguage Detect(string text);

    /// <summary>As <see cref="Detect(string)"/>, with <paramref name="prior"/> (a locale such as "de-CH", or null) deciding when the text says too little.</summary>
    DetectedLanguage Detect(string text, string? prior);
}
