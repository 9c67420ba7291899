using System.Text.RegularExpressions;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>One English word or phrase for another, keeping its case; an acronym's replacement is capitalised only where a sentence starts.</summary>
internal sealed record WordSwap(Regex Pattern, string Replacement, bool Acronym = false)
{
    public static WordSwap Of(string pattern, string replacement, bool acronym = false) =>
        new(new Regex($@"(?<![\p{{L}}\p{{N}}'’\-_])(?:{pattern})(?![\p{{L}}\p{{N}}'’\-_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), replacement, acronym);

    public static string Apply(string text, IEnumerable<WordSwap> swaps, string what, EditLog log)
    {
        foreach (var swap in swaps)
        {
            var before = text;
            text = log.Replace(text, swap.Pattern, m =>
            {
                var written = Casing.Like(m.Value, swap.Replacement, swap.Acronym);
                return swap.Acronym && TextShape.AtSentenceStart(before, m.Index) ? Casing.Capitalize(written) : written;
            }, what, (m, r) => $"{m.Value} → {r}");
        }
        return text;
    }
}

/// <summary>The English word lists of friendlier and more-formal.</summary>
internal static class ToneWords
{
    public const string Plainer = "Used plainer words";
    public const string Formal = "Used more formal words";

    public static readonly WordSwap[] Friendlier =
    [
        WordSwap.Of("kindly", "please"),
        WordSwap.Of("(?<=\\bI )(?:sincerely )?apologi[sz]e for", "am sorry for"),
        WordSwap.Of("(?<=\\b(?:we|We) )(?:sincerely )?apologi[sz]e for", "are sorry for"),
        WordSwap.Of("assistance", "help"),
        WordSwap.Of("assist", "help"),
        WordSwap.Of("assists", "helps"),
        WordSwap.Of("assisted", "helped"),
        WordSwap.Of("assisting", "helping"),
        WordSwap.Of("inquiry|enquiry", "question"),
        WordSwap.Of("inquiries|enquiries", "questions"),
        WordSwap.Of("regarding", "about"),
        WordSwap.Of("utili[sz]e", "use"),
        WordSwap.Of("commence", "start"),
        WordSwap.Of("obtain", "get"),
        WordSwap.Of("require", "need"),
        WordSwap.Of("requires", "needs"),
        WordSwap.Of("sufficient", "enough"),
        WordSwap.Of("prior to", "before"),
        WordSwap.Of("furthermore|additionally", "also"),
        WordSwap.Of("respond to you", "get back to you"),
        WordSwap.Of("at your earliest convenience", "when you can"),
    ];

    public static readonly WordSwap[] MoreFormal =
    [
        WordSwap.Of("asap", "as soon as possible", acronym: true),
        WordSwap.Of("fyi", "for your information", acronym: true),
        WordSwap.Of("btw", "by the way", acronym: true),
        WordSwap.Of("thx|thnx|thanx", "thank you", acronym: true),
        WordSwap.Of("pls|plz", "please"),
        WordSwap.Of("u", "you"),
        WordSwap.Of("ur", "your"),
        WordSwap.Of("info", "information"),
        WordSwap.Of("gonna", "going to"),
        WordSwap.Of("wanna", "want to"),
        WordSwap.Of("gotta", "have to"),
        WordSwap.Of("kinda|sorta", "somewhat"),
        WordSwap.Of("cuz|coz", "because"),
        WordSwap.Of("yeah|yep|yup", "yes"),
        WordSwap.Of("nope", "no"),
        WordSwap.Of("awesome", "excellent"),
        WordSwap.Of("thanks a lot|thanks so much|thanks a bunch", "thank you very much"),
        WordSwap.Of("(?<!\\bmany )thanks(?! to\\b)", "thank you"),
        WordSwap.Of("get back to you", "respond"),
    ];
}
