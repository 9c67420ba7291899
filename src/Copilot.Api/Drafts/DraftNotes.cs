using Copilot.Api.Assist;
using Copilot.Api.Drafts.Offline;
using Copilot.Api.Knowledge;
using Copilot.Api.Threads;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Drafts;

/// <summary>What a draft response tells the agent beside the text: its kind and label, the guidance its sources hold, and colleagues' cases.</summary>
internal static class DraftNotes
{
    public const string HoldingLabel = "Holding reply written offline: nothing in your knowledge base answers this ticket, so it asks the customer for the details needed, or says we are looking into it. Review before sending.";
    public const string AcknowledgementLabel = "No reply needed: the customer says the issue is solved. A short acknowledgement written offline, if you want to send one.";
    public const string FollowUpLabel = "No reply is due: our answer is the last message and the customer has not written since. A short check-in written offline, if you want to follow up.";
    public const string ClosedLabel = "No reply needed: the conversation is over (the ticket is solved, or our answer to the customer's thanks is the last message). A short offer of more help written offline, if you want to send one.";
    public const string FeedbackLabel = "Reply to feedback written offline: the customer suggests something for the product, or only thanks or praises us, and asks nothing else, so it thanks them and says it will be passed on to the team. Pass it on before you send.";
    public const string OtherLanguageLabel = "Could not write this answer in the customer's language ({0}): the only fitting source is in another language, so the draft offers its link. Review before sending.";
    private const int MaxExcerpt = 400;

    /// <summary>Why no answer is due, for the provider's detail when the model is not asked (<see cref="OfflineDrafter.NoAnswerDue"/>).</summary>
    public static string NoAnswerReason(DraftKind kind) => kind switch
    {
        DraftKind.Acknowledgement => "the customer says it is solved or what they will do next",
        DraftKind.Closed => "the conversation is over",
        _ => "our answer is the last message",
    };

    /// <summary>The draft kind's wire name, as the OpenAPI document lists it.</summary>
    public static string KindName(DraftKind kind) => Wire.Name(kind);

    /// <summary>The label of an offline draft: what kind of draft it is, and whether the model failed.</summary>
    public static string Label(DraftKind kind, string language, bool modelFailed) => kind switch
    {
        DraftKind.Holding => HoldingLabel,
        DraftKind.Acknowledgement => AcknowledgementLabel,
        DraftKind.FollowUp => FollowUpLabel,
        DraftKind.Closed => ClosedLabel,
        DraftKind.Feedback => FeedbackLabel,
        DraftKind.OtherLanguage => string.Format(System.Globalization.CultureInfo.InvariantCulture, OtherLanguageLabel, language),
        _ => modelFailed ? DraftService.FallbackLabel : DraftService.OfflineLabel,
    };

    public static IReadOnlyList<GuidanceDto> Guidance(IEnumerable<GuidanceNote> notes, IReadOnlyList<KnowledgeHit> sources) =>
        notes.Select(n => (Note: n, Hit: sources.FirstOrDefault(s => s.SourceId == n.SourceId && s.Kind != SourceKind.PastReply)))
            .Where(x => x.Hit is not null)
            .Select(x => new GuidanceDto(x.Note.Text, x.Hit!.SourceId, AssistService.KindName(x.Hit.Kind), x.Hit.Title, x.Hit.Url))
            .ToList();

    /// <summary>The guidance sentences of every source: for model drafts, which get the sources whole.</summary>
    public static IReadOnlyList<GuidanceDto> Guidance(IReadOnlyList<KnowledgeHit> sources) =>
        Guidance(sources.Where(s => s.Kind != SourceKind.PastReply)
            .SelectMany(s => Offline.Guidance.Split(s.Passage).Guidance.Select(g => new GuidanceNote(s.SourceId, g)))
            .DistinctBy(n => n.Text, StringComparer.Ordinal), sources);

    public static IReadOnlyList<ColleagueCaseDto> Colleagues(IEnumerable<string> ids, IReadOnlyList<KnowledgeHit> sources) =>
        ids.Select(id => sources.FirstOrDefault(s => s.Kind == SourceKind.PastReply && s.SourceId == id))
            .Where(h => h is not null)
            .Select(h => new ColleagueCaseDto(h!.SourceId, h.Title, h.Url, ThreadText.Trim(h.Passage.Trim(), MaxExcerpt)))
            .ToList();

    public static IReadOnlyList<ColleagueCaseDto> Colleagues(IReadOnlyList<KnowledgeHit> sources) =>
        Colleagues(sources.Where(s => s.Kind == SourceKind.PastReply).Select(s => s.SourceId), sources);
}
