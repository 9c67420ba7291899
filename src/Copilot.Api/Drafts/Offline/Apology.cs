using Copilot.Api.Boundaries;
using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Drafts.Offline;

/// <summary>What a reply owes the customer before its answer: nothing, an apology for the trouble, or one for having had to write again.</summary>
public enum Apology { None, ForTheTrouble, ForWritingAgain }

internal static class Apologies
{
    /// <summary>
    /// Read from the customer's messages since an agent last answered in public and the tenant's boundary rules that fired on
    /// them: a repeated-contact rule ("this is the third time I write", three messages without a reply) asks for an apology
    /// for having to write again; the anger rule, a phrase of the shipped anger or ask-for-a-person lists (<see cref="Venting"/>),
    /// "why did nobody tell me?" (<see cref="Cues.NotTold"/>) or a threat to leave (<see cref="Cues.Leaving"/>), for the
    /// trouble. A message an agent has answered since is not apologised for again: that answer was the place for it.
    /// </summary>
    public static Apology Of(HelpdeskThread thread, IReadOnlyList<BoundaryWarning> warnings)
    {
        var open = Turns.Unanswered(thread);
        if (open.Count == 0)
        {
            return Apology.None;
        }
        var ids = open.Select(c => c.Id).ToHashSet();
        bool Fired(string kind) => warnings.Any(w => w.Kind == kind && w.CommentId is { } id && ids.Contains(id));
        if (Fired(BoundaryRule.KindRepeatedContact))
        {
            return Apology.ForWritingAgain;
        }
        return Fired(BoundaryRule.KindAnger) || open.Any(c => Vents(ThreadText.Clean(ThreadText.Normalize(c.Text))))
            ? Apology.ForTheTrouble
            : Apology.None;
    }

    /// <summary>One phrase of frustration is enough for an apology, though not for the anger rule's caution: "I'm losing patience here".</summary>
    private static bool Vents(string text) => Cues.Leaving().IsMatch(text) || Cues.NotTold().IsMatch(text) || Venting.Spans(text).Count > 0;
}
