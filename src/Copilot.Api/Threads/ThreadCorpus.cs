using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Threads;

/// <summary>One comment after cleaning, split into sentences.</summary>
internal sealed record CleanComment(HelpdeskComment Comment, string Text, IReadOnlyList<string> Sentences, int Index)
{
    public AuthorRole Role => Comment.Author.Role;
    public bool IsCustomer => Comment.Public && Comment.Author.Role == AuthorRole.Customer;
    public bool IsAgentReply => Comment.Public && Comment.Author.Role == AuthorRole.Agent;
    public bool IsInternalNote => !Comment.Public;
}

/// <summary>
/// The visible part of a thread, cleaned, with how many comments use each term — the basis of
/// "term centrality": a sentence whose words recur across the thread is what the thread is about.
/// </summary>
internal sealed class ThreadCorpus
{
    private readonly Dictionary<string, int> _commentsWithTerm = new(StringComparer.Ordinal);
    private readonly HashSet<string> _subjectTerms;
    private readonly HashSet<string>[] _ownTerms;

    public ThreadCorpus(HelpdeskThread thread, bool includeInternalNotes)
    {
        Thread = thread;
        var visible = thread.Comments.Where(c => c.Public || includeInternalNotes).ToList();
        Comments = SocialParts.Join(visible).Select((c, i) =>
        {
            var text = ThreadText.Clean(c.Text);
            return new CleanComment(c.Comment, text, ThreadText.Sentences(text), i);
        }).ToList();
        _ownTerms = Comments.Select(c => ThreadText.Terms(c.Text).ToHashSet(StringComparer.Ordinal)).ToArray();
        foreach (var terms in _ownTerms)
        {
            foreach (var term in terms)
            {
                _commentsWithTerm[term] = _commentsWithTerm.GetValueOrDefault(term) + 1;
            }
        }
        _subjectTerms = ThreadText.Terms(thread.Ticket.Subject).ToHashSet(StringComparer.Ordinal);
    }

    public HelpdeskThread Thread { get; }

    public IReadOnlyList<CleanComment> Comments { get; }

    /// <summary>0..~2: how much the sentence's words recur in the other comments and the subject.</summary>
    public double Centrality(string sentence, CleanComment from)
    {
        var terms = ThreadText.Terms(sentence).Distinct().ToList();
        if (terms.Count == 0)
        {
            return 0;
        }
        // The comment's own terms were read once, with the corpus (a comment's sentences are scored one by one).
        var own = from.Index < _ownTerms.Length && ReferenceEquals(Comments[from.Index], from)
            ? _ownTerms[from.Index] : ThreadText.Terms(from.Text).ToHashSet(StringComparer.Ordinal);
        var sum = 0.0;
        foreach (var term in terms)
        {
            var others = _commentsWithTerm.GetValueOrDefault(term) - (own.Contains(term) ? 1 : 0);
            sum += Math.Log(1 + Math.Max(0, others)) + (_subjectTerms.Contains(term) ? 0.7 : 0);
        }
        return sum / Math.Sqrt(terms.Count + 2);
    }
}
