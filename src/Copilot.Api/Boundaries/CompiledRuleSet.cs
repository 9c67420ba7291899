using System.Text.RegularExpressions;
using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Boundaries;

/// <summary>A tenant's enabled rules with their regexes built once, ready to run on threads.</summary>
internal sealed class CompiledRuleSet
{
    private readonly List<Compiled> _rules;

    private CompiledRuleSet(List<Compiled> rules) => _rules = rules;

    /// <summary>Builds the enabled rules; throws <see cref="ArgumentException"/> on a regex that does not compile (validation runs first).</summary>
    /// <param name="compileRegexes">Compile admin regexes to IL: slower to build, faster to run; for rule sets that are cached.</param>
    public static CompiledRuleSet Compile(IEnumerable<BoundaryRule> rules, bool compileRegexes = false) =>
        new(rules.Where(r => r.Enabled).Select(r => new Compiled(
            r,
            r.Action == "caution" ? BoundaryAction.Caution : BoundaryAction.Handoff,
            PhraseMatcher.Build(r.Phrases, r.Patterns, compileRegexes),
            PhraseMatcher.Build(r.Insults, null))).ToList());

    public IReadOnlyList<BoundaryWarning> Evaluate(HelpdeskThread thread, Action<string, RegexMatchTimeoutException>? onTimeout = null)
    {
        // Quoted earlier emails would replay our own words (or old anger) as if new; read only what each comment adds.
        var texts = thread.Comments.Select(c => (Comment: c, Text: new ScannedText(Readable(c.Text)))).ToList();
        var subject = new Lazy<ScannedText>(() => new ScannedText(ThreadText.Normalize(thread.Ticket.Subject ?? "")));
        var warnings = new List<BoundaryWarning>();
        foreach (var rule in _rules)
        {
            var timeout = onTimeout is null ? null : (Action<RegexMatchTimeoutException>)(e => onTimeout(rule.Rule.Id!, e));
            var warning = rule.Rule.Kind switch
            {
                BoundaryRule.KindPhrases => Phrases(rule, subject.Value, texts, timeout),
                BoundaryRule.KindAnger => Anger(rule, texts),
                BoundaryRule.KindRepeatedContact => Repeated(rule, texts, timeout),
                _ => null,
            };
            if (warning is not null)
            {
                warnings.Add(warning);
            }
        }
        // Handoffs first: they decide whether a draft is shown at all.
        return warnings.OrderBy(w => w.Action == BoundaryAction.Handoff ? 0 : 1).ToList();
    }

    /// <summary>
    /// The anger score of the customer's latest message and the threshold at which the tenant's anger
    /// rule fires; null when the tenant has no anger rule enabled or the customer has not written.
    /// </summary>
    public (double Score, double Threshold)? LatestAnger(HelpdeskThread thread)
    {
        var rule = _rules.FirstOrDefault(r => r.Rule.Kind == BoundaryRule.KindAnger);
        var latest = thread.Comments.LastOrDefault(IsCustomer);
        if (rule is null || latest is null)
        {
            return null;
        }
        return (AngerScore.Score(new ScannedText(Readable(latest.Text)), rule.Phrases, rule.Insults).Score, rule.Rule.Threshold ?? BoundaryRule.DefaultAngerThreshold);
    }

    private static string Readable(string text)
    {
        var clean = ThreadText.Clean(text, keepAddressedToAi: true);
        return clean.Length > 0 ? clean : ThreadText.Normalize(text);
    }

    private static bool IsCustomer(HelpdeskComment c) => c.Public && c.Author.Role == AuthorRole.Customer;

    private static BoundaryWarning? Phrases(Compiled rule, ScannedText subject, List<(HelpdeskComment Comment, ScannedText Text)> texts, Action<RegexMatchTimeoutException>? timeout)
    {
        var all = rule.Rule.Scope == BoundaryRule.ScopeAll;
        // Newest first: the evidence an agent wants to see is the latest.
        foreach (var (comment, text) in Enumerable.Reverse(texts))
        {
            if ((all || IsCustomer(comment)) && rule.Phrases.Matches(text, skipNegated: true, timeout).FirstOrDefault() is { Length: > 0 } m)
            {
                return rule.Warn(PhraseMatcher.Snippet(text.Text, m.Index, m.Length), comment.Id);
            }
        }
        return rule.Phrases.Matches(subject, skipNegated: true, timeout).FirstOrDefault() is { Length: > 0 } s
            ? rule.Warn(PhraseMatcher.Snippet(subject.Text, s.Index, s.Length), null)
            : null;
    }

    private static BoundaryWarning? Anger(Compiled rule, List<(HelpdeskComment Comment, ScannedText Text)> texts)
    {
        var threshold = rule.Rule.Threshold ?? BoundaryRule.DefaultAngerThreshold;
        foreach (var (comment, text) in Enumerable.Reverse(texts).Where(t => IsCustomer(t.Comment)))
        {
            var result = AngerScore.Score(text, rule.Phrases, rule.Insults);
            if (result.Score >= threshold)
            {
                return rule.Warn(PhraseMatcher.Snippet(text.Text, result.Index, Math.Min(result.Length, text.Text.Length - result.Index)), comment.Id);
            }
        }
        return null;
    }

    /// <summary>
    /// The newest evidence of repeated contact: the last run of at least the rule's number of customer messages without
    /// a public answer (its length where it ended), or a customer message saying they wrote before, whichever came later.
    /// An old run an agent has since answered must not hide "this is the third time I'm writing" in the latest message.
    /// </summary>
    private static BoundaryWarning? Repeated(Compiled rule, List<(HelpdeskComment Comment, ScannedText Text)> texts, Action<RegexMatchTimeoutException>? timeout)
    {
        var min = rule.Rule.MinMessages ?? BoundaryRule.DefaultMinMessages;
        var run = 0;
        (int Position, int Length, HelpdeskComment Comment)? lastRun = null;
        for (var i = 0; i < texts.Count; i++)
        {
            var comment = texts[i].Comment;
            if (IsCustomer(comment))
            {
                run++;
                if (run >= min)
                {
                    lastRun = (i, run, comment);
                }
            }
            else if (comment.Public && comment.Author.Role == AuthorRole.Agent)
            {
                run = 0; // internal notes are not an answer to the customer
            }
        }
        for (var i = texts.Count - 1; i > (lastRun?.Position ?? -1); i--)
        {
            var (comment, text) = texts[i];
            if (IsCustomer(comment) && rule.Phrases.Matches(text, skipNegated: true, timeout).FirstOrDefault() is { Length: > 0 } m)
            {
                return rule.Warn(PhraseMatcher.Snippet(text.Text, m.Index, m.Length), comment.Id);
            }
        }
        if (lastRun is { } found)
        {
            return rule.Warn($"{found.Length} customer messages in a row without a reply", found.Comment.Id);
        }
        return null;
    }

    private sealed record Compiled(BoundaryRule Rule, BoundaryAction Action, PhraseMatcher Phrases, PhraseMatcher Insults)
    {
        public BoundaryWarning Warn(string evidence, long? commentId) => new(Rule.Id!, Rule.Name ?? Rule.Id!, Action, evidence, commentId)
        {
            WayForward = Rule.WayForward,
            Kind = Rule.Kind ?? BoundaryRule.KindPhrases,
        };
    }
}
