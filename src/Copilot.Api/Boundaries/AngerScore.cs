using System.Text.RegularExpressions;

namespace Copilot.Api.Boundaries;

/// <summary>
/// A deterministic 0..1 anger score for one message. Each signal adds a bounded amount:
/// shouting (share of words in capitals) up to 0.45, "!!" runs up to 0.3, frustration
/// phrases 0.25 each up to 0.5, insults and profanity 0.4 each up to 0.8.
/// </summary>
internal static partial class AngerScore
{
    public const double CapsMax = 0.45;
    public const double ExclaimEach = 0.15, ExclaimMax = 0.3;
    public const double PhraseEach = 0.25, PhraseMax = 0.5;
    public const double InsultEach = 0.4, InsultMax = 0.8;

    /// <summary>Capitalised words that are names of things, not shouting.</summary>
    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "WIFI", "WLAN", "HTTP", "HTTPS", "HDMI", "ASAP", "FAQ", "GHZ", "MHZ", "IOS", "USB", "LED", "WPA", "WPA2", "WPA3", "VPN", "NAS", "DHCP", "DNS", "SSID", "IBAN", "BIC", "PDF", "RMA", "APP", "EUR", "USD", "GBP",
    };

    public sealed record Result(double Score, int Index, int Length);

    /// <summary>The score, and where its strongest piece of evidence sits in the text.</summary>
    public static Result Score(ScannedText scanned, PhraseMatcher phrases, PhraseMatcher insults)
    {
        var text = scanned.Text;
        var score = 0.0;
        (double Weight, int Index, int Length) evidence = (0, 0, Math.Min(text.Length, 60));

        var words = scanned.Words;
        var caps = words.Where(w => w.Length >= 3 && IsShouted(text.AsSpan(w.Index, w.Length)) && !Acronyms.Contains(text.Substring(w.Index, w.Length))).ToList();
        if (words.Length >= 4 && caps.Count >= 2)
        {
            var share = caps.Count / (double)words.Length;
            var add = share >= 0.5 ? CapsMax : share >= 0.25 ? 0.3 : 0.15;
            score += add;
            evidence = Stronger(evidence, (add, caps[0].Index, Math.Max(caps[0].Length, Math.Min(60, caps[^1].Index + caps[^1].Length - caps[0].Index))));
        }

        var exclaims = Exclaim().Matches(text);
        if (exclaims.Count > 0)
        {
            score += Math.Min(ExclaimMax, ExclaimEach * exclaims.Count);
            evidence = Stronger(evidence, (ExclaimEach, Math.Max(0, exclaims[0].Index - 30), Math.Min(30, exclaims[0].Index) + exclaims[0].Length));
        }

        var phraseHits = Distinct(text, phrases.Matches(scanned, skipNegated: true));
        if (phraseHits.Count > 0)
        {
            score += Math.Min(PhraseMax, PhraseEach * phraseHits.Count);
            evidence = Stronger(evidence, (PhraseEach, phraseHits[0].Index, phraseHits[0].Length));
        }

        var insultHits = Distinct(text, insults.Matches(scanned, skipNegated: true));
        if (insultHits.Count > 0)
        {
            score += Math.Min(InsultMax, InsultEach * insultHits.Count);
            evidence = Stronger(evidence, (InsultEach, insultHits[0].Index, insultHits[0].Length));
        }

        return new Result(Math.Round(Math.Min(1.0, score), 2), evidence.Index, evidence.Length);
    }

    private static bool IsShouted(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
            letters += char.IsLetter(c) ? 1 : 0;
        }
        return letters > 0;
    }

    /// <summary>
    /// Each phrase said counts once: "useless, useless, useless" is one insult said three times, not three insults, and a phrase
    /// inside a longer one ("terceira vez" in "pela terceira vez") adds nothing.
    /// </summary>
    private static List<Hit> Distinct(string text, IEnumerable<Hit> hits)
    {
        var kept = new List<Hit>();
        foreach (var hit in hits.OrderBy(h => h.Index).ThenByDescending(h => h.Length))
        {
            if (!kept.Any(k => hit.Index >= k.Index && hit.Index + hit.Length <= k.Index + k.Length))
            {
                kept.Add(hit);
            }
        }
        return kept.DistinctBy(h => text.Substring(h.Index, h.Length).ToLowerInvariant()).ToList();
    }

    private static (double, int, int) Stronger((double Weight, int, int) current, (double Weight, int, int) candidate) =>
        candidate.Weight > current.Weight ? candidate : current;

    [GeneratedRegex(@"[!?]*![!?]*![!?]*")]
    private static partial Regex Exclaim();
}
