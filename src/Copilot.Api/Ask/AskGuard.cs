using Copilot.Api.Drafts;
using Copilot.Api.Drafts.Guards;
using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;

namespace Copilot.Api.Ask;

/// <summary>A checked answer: the text shown, the sources it really cites, what was flagged, and whether it says it does not know.</summary>
public sealed record GuardedAnswer(string Text, IReadOnlyList<KnowledgeHit> Cited, IReadOnlyList<DraftFlag> Flags, bool Unknown);

/// <summary>
/// What a model's answer goes through before the agent sees it, as a draft does: lines quoting the instructions
/// removed, citations checked against the sources it was shown and found (invented ones dropped), links that are not
/// the sources' or the requester's tickets' removed, promises no cited article or macro backs flagged, citations
/// written in the tenant's <see cref="CitationStyle"/> (never <c>[n]</c>), personal data put back. An answer that says
/// it does not know is the one sentence that says so.
/// </summary>
public static class AskGuard
{
    public const string UnknownText = "I don't know — nothing in your knowledge covers this.";

    public static GuardedAnswer Apply(
        string modelText, IReadOnlyList<KnowledgeHit> sources, IReadOnlyList<string> knownLinks, Func<string, string> restore, string instructions, CitationStyle style)
    {
        var flags = new List<DraftFlag>();
        var text = modelText.Trim();
        if (PromptLeak.Remove(text, instructions) is { } withoutLeak)
        {
            text = withoutLeak;
            flags.Add(new(DraftFlagCode.InstructionsRemoved, "The answer repeated the copilot's own instructions; those lines were removed."));
        }
        if (SaysUnknown(text))
        {
            return new GuardedAnswer(UnknownText, [], flags, Unknown: true);
        }
        var citations = CitationCheck.Check(text, sources.Count);
        foreach (var n in citations.Invented.Distinct())
        {
            flags.Add(new(DraftFlagCode.CitationRemoved, $"Citation [{n}] points at no source and was removed.", Span: $"[{n}]"));
        }
        text = citations.Text;
        var cited = citations.Cited.Select(n => sources[n - 1]).ToList();
        var links = LinkCheck.Check(text, knownLinks);
        foreach (var url in links.RemovedUrls.Distinct(StringComparer.Ordinal))
        {
            flags.Add(new(DraftFlagCode.LinkRemoved, $"Link {url} is not in the sources and was removed.", Span: url));
        }
        text = links.Text;
        flags.AddRange(CommitmentCheck.Check(text, cited.Where(s => s.Kind != SourceKind.PastReply).Select(s => s.Passage)).Select(DraftFlag.Unbacked));
        if (cited.Count == 0)
        {
            flags.Add(new(DraftFlagCode.NoCitation, "The answer cites no source. Check its facts before you use it."));
        }
        return new GuardedAnswer(restore(CitationText.Render(text, sources, style)), cited, flags, Unknown: false);
    }

    /// <summary>"I don't know…" however the model spells the apostrophe, at the start of the answer.</summary>
    public static bool SaysUnknown(string text) =>
        text.Replace('’', '\'').StartsWith("I don't know", StringComparison.OrdinalIgnoreCase);
}
