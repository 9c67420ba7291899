using System.Text.RegularExpressions;
using Copilot.Api.Threads;

namespace Copilot.Api.Languages;

/// <summary>
/// Offline language guess for en, de, fr, es, nl, pt and it from the words each language's lists
/// know (function words and everyday support words), with characteristic character sequences
/// speaking only for words no list knows. A few words cannot outvote the rest: when the text
/// says too little, the answer is the prior (the requester's locale) or English, with a low
/// confidence, rather than a guess; a near-tie also goes to the prior. Confidence grows with
/// the number of known words and with the lead over the runner-up.
/// </summary>
public sealed partial class LanguageDetector : ILanguageDetector
{
    public const string Fallback = "en";

    /// <summary>Known words needed before a clear winner gets full confidence.</summary>
    private const double FullEvidenceWords = 5;

    /// <summary>Below this score (about one word owned by a single language) the text has no language of its own.</summary>
    private const double MinimumScore = 1.0;

    /// <summary>What the requester's locale is worth: a little more than half a shared word.</summary>
    private const double PriorWeight = 0.6;

    /// <summary>The languages it can tell apart.</summary>
    public static IReadOnlyList<string> Languages => LanguageProfiles.Codes;

    public DetectedLanguage Detect(string text) => Detect(text, prior: null);

    public DetectedLanguage Detect(string text, string? prior)
    {
        var priorCode = PriorCode(prior);
        var fallback = new DetectedLanguage(priorCode ?? Fallback, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        var sample = ThreadText.Normalize(text.Length > 4000 ? text[..4000] : text).ToLowerInvariant();
        var words = Word().Matches(sample).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return fallback;
        }

        var scores = LanguageProfiles.Codes.ToDictionary(c => c, _ => 0.0, StringComparer.Ordinal);
        var known = 0;
        var unknown = new List<string>();
        foreach (var word in words)
        {
            if (LanguageProfiles.Lexicon.TryGetValue(word, out var owners))
            {
                known++;
                foreach (var (language, weight) in owners)
                {
                    scores[language] += weight;
                }
            }
            else
            {
                unknown.Add(word);
            }
        }
        var padded = " " + string.Join(' ', unknown) + " ";
        foreach (var language in LanguageProfiles.Codes)
        {
            foreach (var (sequence, weight) in LanguageProfiles.FeaturesOf(language))
            {
                // Capped so one long word list cannot outvote the known words.
                scores[language] += weight * Math.Min(3, Count(padded, sequence)) * 0.5;
            }
        }

        var raw = scores.Values.Max();
        if (raw < MinimumScore)
        {
            return fallback with { Confidence = Math.Round(0.3 * raw / MinimumScore * Math.Min(1.0, known / FullEvidenceWords), 2) };
        }
        if (priorCode is not null)
        {
            scores[priorCode] += PriorWeight;
        }
        var ranked = scores.OrderByDescending(kv => kv.Value).ThenBy(kv => Array.IndexOf(LanguageProfiles.Codes, kv.Key)).ToList();
        var (best, bestScore) = (ranked[0].Key, ranked[0].Value);
        var margin = (bestScore - ranked[1].Value) / bestScore;          // 0 (tie) .. 1 (no rival)
        var evidence = Math.Min(1.0, (known + 0.5 * Math.Min(unknown.Count, 4)) / FullEvidenceWords);
        var confidence = Math.Clamp((0.35 + 0.65 * margin) * evidence, 0, 1);
        return new DetectedLanguage(best, Math.Round(confidence, 2));
    }

    /// <summary>"de-CH" → "de" when it is a language the detector knows.</summary>
    private static string? PriorCode(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length < 2)
        {
            return null;
        }
        var code = locale[..2].ToLowerInvariant();
        return LanguageProfiles.Codes.Contains(code) ? code : null;
    }

    private static int Count(string haystack, string needle)
    {
        var count = 0;
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [GeneratedRegex(@"[\p{L}]+(?:'[\p{L}]+)?")]
    private static partial Regex Word();
}
