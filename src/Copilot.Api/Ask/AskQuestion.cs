using System.Text.RegularExpressions;
using Copilot.Api.Threads;

namespace Copilot.Api.Ask;

/// <summary>
/// A question as retrieval reads it. A follow-up ("and for refurbished ones?", "what about the monthly plan?") says
/// too little on its own: it is searched together with the conversation's earlier questions, and its own words weigh
/// more than theirs when sentences are picked. A question that stands on its own is searched alone.
/// </summary>
public sealed partial record AskQuestion(string Text, string SearchText, bool FollowUp, IReadOnlyList<string> Terms, IReadOnlyList<string> ContextTerms)
{
    /// <summary>A question with this many content words or fewer is read as a follow-up when there are earlier questions.</summary>
    public const int ShortQuestionTerms = 3;

    /// <summary>Earlier questions a follow-up is searched with (the newest).</summary>
    public const int EarlierQuestions = 2;

    public static AskQuestion Read(string question, IReadOnlyList<AskTurn> earlier)
    {
        var text = question.Trim();
        var terms = ContentTerms(text);
        var followUp = earlier.Count > 0 && (terms.Count <= ShortQuestionTerms || Continues().IsMatch(text) || Refers().IsMatch(text));
        if (!followUp)
        {
            return new AskQuestion(text, text, false, terms, []);
        }
        var context = earlier.TakeLast(EarlierQuestions).Select(t => t.Question).ToList();
        var contextTerms = context.SelectMany(ContentTerms).Distinct(StringComparer.Ordinal).Where(t => !terms.Contains(t)).ToList();
        return new AskQuestion(text, string.Join("\n", context.Append(text)), true, terms, contextTerms);
    }

    /// <summary>A word of how agents ask ("customer", "happen", "give"), not of what they ask about: no source need hold it.</summary>
    public static bool IsGeneric(string word) => Generic.Contains(word);

    /// <summary>The question's content terms (stemmed as retrieval and sentence scoring read them), generic words left out.</summary>
    private static List<string> ContentTerms(string text) =>
        ThreadText.Words(text).Where(w => !IsGeneric(w)).SelectMany(ThreadText.Terms).Distinct(StringComparer.Ordinal).ToList();

    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "customer", "customers", "client", "clients", "user", "users", "someone", "somebody", "people", "person", "agent", "agents",
        "give", "gives", "get", "gets", "got", "need", "needs", "want", "wants", "ask", "asks", "asked", "tell", "say", "know", "happen", "happens",
        "long", "much", "many", "one", "ones", "way", "thing", "things", "case", "cases", "time", "times", "able", "work", "works", "still",
    };

    /// <summary>Opens as a continuation: "and …", "what about …", "also …", "same for …".</summary>
    [GeneratedRegex(@"^\s*(and|also|but|or|so|then|plus|what about|how about|and what about|same for|what if|even)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Continues();

    /// <summary>Points back at something said before: "it", "they", "those", "that one", "the other one".</summary>
    [GeneratedRegex(@"\b(it|its|they|them|their|those|these|that one|this one|ones|the other|the same)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Refers();
}
