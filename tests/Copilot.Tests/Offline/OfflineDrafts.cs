using Copilot.Api.Drafts.Offline;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Offline;

/// <summary>A thread drafted offline as the draft route drafts it: in the language detected from the customer's words, signed by an agent.</summary>
internal static class OfflineDrafts
{
    private static readonly LanguageDetector Detector = new();
    private static readonly OfflineDrafter Drafter = new(Detector);

    /// <summary>What the drafter is given for the thread and these sources.</summary>
    public static DraftInput Input(HelpdeskThread thread, IReadOnlyList<KnowledgeHit> sources)
    {
        var customerText = string.Join("\n", thread.Comments.Where(c => c.Author.Role == AuthorRole.Customer).Select(c => c.Text));
        return new DraftInput(thread, sources, Detector.Detect(customerText), "Priya Natarajan", IncludeInternalNotes: false);
    }

    public static DraftText Draft(HelpdeskThread thread, params KnowledgeHit[] sources) => Drafter.Draft(Input(thread, sources));

    public static DraftText Draft(DraftInput input) => Drafter.Draft(input);
}
