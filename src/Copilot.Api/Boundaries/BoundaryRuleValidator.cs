using System.Text.RegularExpressions;

namespace Copilot.Api.Boundaries;

/// <summary>
/// Checks a whole rule list before it replaces the stored one. Errors are keyed by JSON path
/// (<c>rules[2].patterns.en[0]</c>) so an admin UI can put each next to its field.
/// </summary>
internal static partial class BoundaryRuleValidator
{
    public const int MaxRules = 50;
    public const int MaxEntriesPerRule = 1000;
    public const int MaxPhraseLength = 200;
    public const int MaxPatternLength = 500;
    public const int MaxPatterns = 200;
    public const int MinMessagesLow = 2, MinMessagesHigh = 50;

    private static readonly string[] Kinds = [BoundaryRule.KindPhrases, BoundaryRule.KindAnger, BoundaryRule.KindRepeatedContact];
    private static readonly string[] Actions = ["handoff", "caution"];
    private static readonly string[] Scopes = [BoundaryRule.ScopeCustomer, BoundaryRule.ScopeAll];

    public static Dictionary<string, string[]> Validate(IReadOnlyList<BoundaryRule?>? rules)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string message) => (errors.TryGetValue(key, out var l) ? l : errors[key] = []).Add(message);

        if (rules is null)
        {
            Add("rules", "The rule list is required (send [] to have no rules).");
            return Freeze(errors);
        }
        if (rules.Count > MaxRules)
        {
            Add("rules", $"At most {MaxRules} rules.");
        }
        if (rules.Sum(r => Count(r?.Patterns)) > MaxPatterns)
        {
            // Counted before any is read: each is built for linear-time matching, which takes a few milliseconds.
            Add("rules", $"At most {MaxPatterns} regular expressions across all rules; list words and phrases as phrases.");
            return Freeze(errors);
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var at = $"rules[{i}]";
            var rule = rules[i];
            if (rule is null)
            {
                Add(at, "A rule may not be null.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(rule.Id) || rule.Id.Length > 64 || !Slug().IsMatch(rule.Id))
            {
                Add($"{at}.id", "Required: lower-case letters, digits and single dashes, at most 64 characters (e.g. billing-dispute).");
            }
            else if (!ids.Add(rule.Id))
            {
                Add($"{at}.id", $"The id '{rule.Id}' is used by an earlier rule; ids must be unique.");
            }
            if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > 100)
            {
                Add($"{at}.name", "Required, at most 100 characters.");
            }
            if (rule.Description is { Length: > 1000 })
            {
                Add($"{at}.description", "At most 1000 characters.");
            }
            if (rule.Action is null || !Actions.Contains(rule.Action))
            {
                Add($"{at}.action", "Must be 'handoff' or 'caution'.");
            }
            if (rule.Kind is null || !Kinds.Contains(rule.Kind))
            {
                Add($"{at}.kind", $"Must be one of: {string.Join(", ", Kinds)}.");
                continue;
            }
            ValidateKind(rule, at, Add);
            rule.WayForward?.Validate($"{at}.wayForward", Add);
            ValidateLists(rule.Phrases, $"{at}.phrases", isRegex: false, Add);
            ValidateLists(rule.Patterns, $"{at}.patterns", isRegex: true, Add);
            ValidateLists(rule.Insults, $"{at}.insults", isRegex: false, Add);
            var entries = Count(rule.Phrases) + Count(rule.Patterns) + Count(rule.Insults);
            if (entries > MaxEntriesPerRule)
            {
                Add(at, $"At most {MaxEntriesPerRule} phrases, patterns and insults together per rule.");
            }
        }
        return Freeze(errors);
    }

    private static void ValidateKind(BoundaryRule rule, string at, Action<string, string> add)
    {
        if (rule.Scope is not null && !Scopes.Contains(rule.Scope))
        {
            add($"{at}.scope", "Must be 'customer' or 'all'.");
        }
        if (rule.Scope is not null && rule.Kind != BoundaryRule.KindPhrases)
        {
            add($"{at}.scope", "Only phrases rules have a scope; anger and repeated contact read customer messages.");
        }
        if (rule.Threshold is { } t && (rule.Kind != BoundaryRule.KindAnger || double.IsNaN(t) || t <= 0 || t > 1))
        {
            add($"{at}.threshold", rule.Kind == BoundaryRule.KindAnger ? "Must be greater than 0 and at most 1." : "Only anger rules have a threshold.");
        }
        if (rule.MinMessages is { } n && (rule.Kind != BoundaryRule.KindRepeatedContact || n < MinMessagesLow || n > MinMessagesHigh))
        {
            add($"{at}.minMessages", rule.Kind == BoundaryRule.KindRepeatedContact ? $"Must be between {MinMessagesLow} and {MinMessagesHigh}." : "Only repeated-contact rules have minMessages.");
        }
        if (rule.Insults is { Count: > 0 } && rule.Kind != BoundaryRule.KindAnger)
        {
            add($"{at}.insults", "Only anger rules have insults.");
        }
        if (rule.Kind == BoundaryRule.KindPhrases && Count(rule.Phrases) + Count(rule.Patterns) == 0)
        {
            add($"{at}.phrases", "A phrases rule needs at least one phrase or pattern.");
        }
    }

    private static void ValidateLists(Dictionary<string, List<string>>? lists, string at, bool isRegex, Action<string, string> add)
    {
        foreach (var (language, entries) in lists ?? [])
        {
            if (!Language().IsMatch(language))
            {
                add($"{at}.{language}", "Keys are language codes such as 'en', 'de', 'pt-br', or 'any'.");
                continue;
            }
            for (var j = 0; j < (entries?.Count ?? 0); j++)
            {
                var key = $"{at}.{language}[{j}]";
                var entry = entries![j];
                if (string.IsNullOrWhiteSpace(entry))
                {
                    add(key, "May not be empty.");
                }
                else if (entry.Length > (isRegex ? MaxPatternLength : MaxPhraseLength))
                {
                    add(key, $"At most {(isRegex ? MaxPatternLength : MaxPhraseLength)} characters.");
                }
                else if (!isRegex && ScannedText.WordsOf(entry).Length == 0)
                {
                    add(key, "Must contain at least one word (letters or digits).");
                }
                else if (isRegex && CheckPattern(entry) is { } problem)
                {
                    add(key, problem);
                }
            }
        }
    }

    /// <summary>
    /// Null when the regex compiles for the engine rules run on (no backtracking, so no input makes it slow: nested
    /// quantifiers such as <c>(a+)+</c> are harmless there) and does not match empty text; otherwise why not.
    /// </summary>
    internal static string? CheckPattern(string pattern)
    {
        Regex? linear;
        try
        {
            linear = PhraseMatcher.Linear(pattern);
        }
        catch (ArgumentException e)
        {
            return $"Not a valid regular expression: {e.Message}";
        }
        if (linear is null)
        {
            return "Lookarounds ((?=…), (?<!…)), backreferences (\\1) and atomic groups are not supported: rules run without backtracking, so that no text can make them slow.";
        }
        return linear.IsMatch("") ? "This regular expression matches empty text, so it would match every message." : null;
    }

    private static int Count(Dictionary<string, List<string>>? lists) => lists?.Values.Sum(l => l?.Count ?? 0) ?? 0;

    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex(@"^([a-z]{2,3}(-[a-z]{2,4})?|any)$")]
    private static partial Regex Language();
}
