using Copilot.Api.Drafts.Guards;
using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;

namespace Copilot.Api.Drafts;

/// <summary>A checked draft: the text shown to the agent, the sources it really cites, and what was flagged.</summary>
public sealed record GuardedDraft(string Text, IReadOnlyList<KnowledgeHit> Cited, IReadOnlyList<DraftFlag> Flags, bool NeedsInput);

/// <summary>
/// Everything a model's draft goes through before an agent sees it: citations checked against what
/// was retrieved (invented ones dropped), links not in the sources (nor a past reply's ticket link) removed, promises
/// no cited article or macro backs flagged (a past reply's promise was made to someone else), the citations written as the
/// tenant's <see cref="CitationStyle"/> says (never as <c>[1]</c>), and the redacted personal data put back.
/// </summary>
public static class DraftGuard
{
    public const string NeedsPrefix = "NEEDS:";

    /// <param name="instructions">The system prompt: lines of the draft quoting it are removed.</param>
    /// <param name="customerText">What the customer wrote: a promise of the kind they demanded is always flagged.</param>
    public static GuardedDraft Apply(
        string modelText, IReadOnlyList<KnowledgeHit> sources, Func<string, string> restore, string? instructions = null, string? customerText = null,
        CitationStyle citationStyle = CitationStyle.Link)
    {
        var flags = new List<DraftFlag>();
        var text = modelText.Trim();
        if (instructions is not null && PromptLeak.Remove(text, instructions) is { } withoutLeak)
        {
            text = withoutLeak;
            flags.Add(new(DraftFlagCode.InstructionsRemoved, "The draft repeated the copilot's own instructions; those lines were removed."));
        }
        var needs = text.StartsWith(NeedsPrefix, StringComparison.OrdinalIgnoreCase) || sources.Count == 0;

        var citations = CitationCheck.Check(text, sources.Count);
        foreach (var n in citations.Invented.Distinct())
        {
            flags.Add(new(DraftFlagCode.CitationRemoved, $"Citation [{n}] points at no retrieved source and was removed.", Span: $"[{n}]"));
        }
        text = citations.Text;
        var cited = citations.Cited.Select(n => sources[n - 1]).ToList();

        // A past reply's link opens another customer's ticket in the helpdesk: for agents only, never for a reply.
        var links = LinkCheck.Check(text, sources.SelectMany(s => new[] { s.Kind == SourceKind.PastReply ? "" : s.Url ?? "", s.Passage }));
        foreach (var url in links.RemovedUrls.Distinct(StringComparer.Ordinal))
        {
            flags.Add(new(DraftFlagCode.LinkRemoved, $"Link {url} is not in the sources and was removed.", Span: url));
        }
        text = links.Text;

        // A promise made to another customer (a past reply) backs nothing: only the team's articles and macros do.
        var unbacked = CommitmentCheck.Check(text, cited.Where(s => s.Kind != SourceKind.PastReply).Select(s => s.Passage));
        flags.AddRange(unbacked.Select(DraftFlag.Unbacked));
        flags.AddRange(Requested(text, customerText, unbacked.Select(u => u.Kind)));
        if (!needs && sources.Count > 0 && cited.Count == 0)
        {
            flags.Add(new(DraftFlagCode.NoCitation, "The draft cites no source. Check its facts before sending."));
        }
        if (needs)
        {
            text = NeedsText(text);
            flags.Add(new(DraftFlagCode.NeedsInput, "Nothing relevant was found in the knowledge base: the draft lists what it needs instead of answering."));
        }
        return new GuardedDraft(restore(CitationText.Render(text, sources, citationStyle)), cited, flags, needs);
    }

    /// <summary>
    /// A customer who demands a refund gets a draft that grants one: the source may only mention refunds, so the
    /// promise is the agent's to confirm, whatever it cites — in a model's draft and in an offline one alike.
    /// </summary>
    /// <param name="flagged">Kinds already flagged as unbacked: not flagged twice.</param>
    public static IEnumerable<DraftFlag> Requested(string draft, string? customerText, IEnumerable<CommitmentKind> flagged)
    {
        var demanded = customerText is null ? [] : CommitmentCheck.Check(customerText, []).Select(c => c.Kind).ToHashSet();
        demanded.ExceptWith(flagged);
        return demanded.Count == 0 ? [] : CommitmentCheck.Check(draft, []).Where(c => demanded.Contains(c.Kind)).DistinctBy(c => c.Kind).Select(DraftFlag.Requested);
    }

    /// <summary>A NEEDS line becomes a note to the agent, never a reply the customer could receive as is.</summary>
    private static string NeedsText(string text)
    {
        var body = text.StartsWith(NeedsPrefix, StringComparison.OrdinalIgnoreCase) ? text[NeedsPrefix.Length..].Trim() : text;
        return "[Note to the agent, not for the customer] No article or macro covers this ticket. To answer, provide: " + body;
    }
}
