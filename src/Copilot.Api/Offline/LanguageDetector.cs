using System.Text.RegularExpressions;

namespace Copilot.Api.Offline;

/// <summary>
/// Offline language guess for en, de, fr, es, nl, pt and it from weighted function words and
/// characteristic character sequences. No model files. Short or mixed text yields the best
/// guess with a low confidence; text with no signal at all yields "en" with confidence 0.
/// </summary>
public sealed partial class LanguageDetector : ILanguageDetector
{
    public const string Fallback = "en";

    /// <summary>Words needed before a clear winner gets full confidence.</summary>
    private const int FullEvidenceWords = 8;

    public DetectedLanguage Detect(string text, string? prior) => Detect(text);

    public DetectedLanguage Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DetectedLanguage(Fallback, 0);
        }
        var sample = ThreadText.Normalize(text.Length > 4000 ? text[..4000] : text).ToLowerInvariant();
        var words = Word().Matches(sample).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return new DetectedLanguage(Fallback, 0);
        }

        var scores = LanguageProfiles.Codes.ToDictionary(c => c, _ => 0.0, StringComparer.Ordinal);
        var stopHits = 0;
        foreach (var word in words)
        {
            if (LanguageProfiles.StopWords.TryGetValue(word, out var owners))
            {
                stopHits++;
                foreach (var (language, weight) in owners)
                {
                    scores[language] += weight;
                }
            }
        }
        var padded = " " + string.Join(' ', words) + " ";
        foreach (var language in LanguageProfiles.Codes)
        {
            foreach (var (sequence, weight) in LanguageProfiles.FeaturesOf(language))
            {
                // Capped so one long word list cannot outvote the function words.
                scores[language] += weight * Math.Min(3, Count(padded, sequence)) * 0.5;
            }
        }

        var ranked = scores.OrderByDescending(kv => kv.Value).ThenBy(kv => Array.IndexOf(LanguageProfiles.Codes, kv.Key)).ToList();
        var (best, bestScore) = (ranked[0].Key, ranked[0].Value);
        if (bestScore <= 0)
        {
            return new DetectedLanguage(Fallback, 0);
        }
        var margin = (bestScore - ranked[1].Value) / bestScore;          // 0 (tie) .. 1 (no rival)
        var evidence = Math.Min(1.0, words.Count / (double)FullEvidenceWords) * Math.Min(1.0, (stopHits + 1) / 3.0);
        var confidence = Math.Clamp((0.3 + 0.7 * margin) * evidence, 0, 1);
        return new DetectedLanguage(best, Math.Round(confidence, 2));
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
