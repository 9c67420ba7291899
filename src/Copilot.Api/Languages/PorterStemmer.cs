namespace Copilot.Api.Languages;

/// <summary>
/// The Porter stemmer in the variant ROUGE's reference scorer uses (NLTK's default mode,
/// "NLTK_EXTENSIONS"): the published algorithm plus its irregular-forms table, the
/// 'ies'/'ied' rules for four-letter words, the 'y' → 'i' rule only after a consonant,
/// 'alli' applied first in step 2, and the 'fulli' and 'logi' rules. Lower-case input.
/// </summary>
public static class PorterStemmer
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["sky"] = "sky", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["news"] = "news", ["innings"] = "inning", ["inning"] = "inning", ["outings"] = "outing",
        ["outing"] = "outing", ["cannings"] = "canning", ["canning"] = "canning", ["howe"] = "howe",
        ["proceed"] = "proceed", ["exceed"] = "exceed", ["succeed"] = "succeed",
    };

    private delegate bool Condition(string stem);

    public static string Stem(string word)
    {
        if (Irregular.TryGetValue(word, out var irregular))
        {
            return irregular;
        }
        if (word.Length <= 2)
        {
            return word;
        }
        var stem = Step1A(word);
        stem = Step1B(stem);
        stem = ApplyRules(stem, [("y", "i", s => s.Length > 1 && IsConsonant(s, s.Length - 1))]);
        stem = Step2(stem);
        stem = ApplyRules(stem, [("icate", "ic", Positive), ("ative", "", Positive), ("alize", "al", Positive),
            ("iciti", "ic", Positive), ("ical", "ic", Positive), ("ful", "", Positive), ("ness", "", Positive)]);
        stem = Step4(stem);
        stem = Step5A(stem);
        return ApplyRules(stem, [("ll", "l", _ => Measure(stem[..^1]) > 1)]);
    }

    private static bool IsConsonant(string word, int i) =>
        word[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(word, i - 1),
            _ => true,
        };

    /// <summary>The number of vowel-consonant transitions: m in [C](VC){m}[V].</summary>
    private static int Measure(string stem)
    {
        var m = 0;
        for (var i = 1; i < stem.Length; i++)
        {
            if (!IsConsonant(stem, i - 1) && IsConsonant(stem, i))
            {
                m++;
            }
        }
        return m;
    }

    private static bool Positive(string stem) => Measure(stem) > 0;

    private static bool GreaterThanOne(string stem) => Measure(stem) > 1;

    private static bool ContainsVowel(string stem)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (!IsConsonant(stem, i))
            {
                return true;
            }
        }
        return false;
    }

    private static bool EndsDoubleConsonant(string w) => w.Length >= 2 && w[^1] == w[^2] && IsConsonant(w, w.Length - 1);

    private static bool EndsCvc(string w) =>
        (w.Length >= 3 && IsConsonant(w, w.Length - 3) && !IsConsonant(w, w.Length - 2) && IsConsonant(w, w.Length - 1) && w[^1] is not ('w' or 'x' or 'y'))
        || (w.Length == 2 && !IsConsonant(w, 0) && IsConsonant(w, 1));

    /// <summary>The first rule whose suffix matches decides: applied if its condition holds, else the word stays.</summary>
    private static string ApplyRules(string word, (string Suffix, string Replacement, Condition? When)[] rules)
    {
        foreach (var (suffix, replacement, when) in rules)
        {
            if (suffix == "*d")
            {
                if (EndsDoubleConsonant(word))
                {
                    var s = word[..^2];
                    return when is null || when(s) ? s + replacement : word;
                }
                continue;
            }
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                return when is null || when(stem) ? stem + replacement : word;
            }
        }
        return word;
    }

    private static string Step1A(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) && word.Length == 4
            ? word[..^3] + "ie"
            : ApplyRules(word, [("sses", "ss", null), ("ies", "i", null), ("ss", "ss", null), ("s", "", null)]);

    private static string Step1B(string word)
    {
        if (word.EndsWith("ied", StringComparison.Ordinal))
        {
            return word[..^3] + (word.Length == 4 ? "ie" : "i");
        }
        if (word.EndsWith("eed", StringComparison.Ordinal))
        {
            var stem = word[..^3];
            return Measure(stem) > 0 ? stem + "ee" : word;
        }
        string? intermediate = null;
        foreach (var suffix in new[] { "ed", "ing" })
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && ContainsVowel(word[..^suffix.Length]))
            {
                intermediate = word[..^suffix.Length];
                break;
            }
        }
        if (intermediate is null)
        {
            return word;
        }
        var last = intermediate[^1];
        return ApplyRules(intermediate, [("at", "ate", null), ("bl", "ble", null), ("iz", "ize", null),
            ("*d", last.ToString(), _ => last is not ('l' or 's' or 'z')),
            ("", "e", s => Measure(s) == 1 && EndsCvc(s))]);
    }

    private static string Step2(string word)
    {
        if (word.EndsWith("alli", StringComparison.Ordinal) && Positive(word[..^4]))
        {
            return Step2(word[..^4] + "al");
        }
        return ApplyRules(word, [("ational", "ate", Positive), ("tional", "tion", Positive), ("enci", "ence", Positive),
            ("anci", "ance", Positive), ("izer", "ize", Positive), ("bli", "ble", Positive), ("alli", "al", Positive),
            ("entli", "ent", Positive), ("eli", "e", Positive), ("ousli", "ous", Positive), ("ization", "ize", Positive),
            ("ation", "ate", Positive), ("ator", "ate", Positive), ("alism", "al", Positive), ("iveness", "ive", Positive),
            ("fulness", "ful", Positive), ("ousness", "ous", Positive), ("aliti", "al", Positive), ("iviti", "ive", Positive),
            ("biliti", "ble", Positive), ("fulli", "ful", Positive), ("logi", "log", _ => Positive(word[..^3]))]);
    }

    private static string Step4(string word) =>
        ApplyRules(word, [("al", "", GreaterThanOne), ("ance", "", GreaterThanOne), ("ence", "", GreaterThanOne),
            ("er", "", GreaterThanOne), ("ic", "", GreaterThanOne), ("able", "", GreaterThanOne), ("ible", "", GreaterThanOne),
            ("ant", "", GreaterThanOne), ("ement", "", GreaterThanOne), ("ment", "", GreaterThanOne), ("ent", "", GreaterThanOne),
            ("ion", "", s => Measure(s) > 1 && s.Length > 0 && s[^1] is 's' or 't'), ("ou", "", GreaterThanOne),
            ("ism", "", GreaterThanOne), ("ate", "", GreaterThanOne), ("iti", "", GreaterThanOne), ("ous", "", GreaterThanOne),
            ("ive", "", GreaterThanOne), ("ize", "", GreaterThanOne)]);

    private static string Step5A(string word)
    {
        if (!word.EndsWith('e'))
        {
            return word;
        }
        var stem = word[..^1];
        var m = Measure(stem);
        return m > 1 || (m == 1 && !EndsCvc(stem)) ? stem : word;
    }
}
