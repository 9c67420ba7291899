using Copilot.Api.Languages;


namespace Copilot.Api.Rewrite.Offline;

/// <summary>What the offline rewrite did: the text, whether it differs, the edits in words, and what offline can and cannot do.</summary>
public sealed record OfflineRewrite(string Text, bool Changed, IReadOnlyList<string> Edits, string Note);

/// <summary>
/// Rewrites without a model, by fixed rules that never touch links, email addresses, placeholders,
/// numbers, ids or code: English word lists for English text, only language-neutral rules and the
/// phrasebook's greeting and closing for other languages. It cannot translate, and says so.
/// </summary>
public sealed class OfflineRewriter(ILanguageDetector detector)
{
    public const string PromptVersion = "offline-rewrite-1";
    public const string TranslateNote = "Translation needs a model; the offline provider left the text unchanged.";
    public const string NothingToChange = "Nothing to change offline.";

    /// <summary>Below this the text is too short to tell its language, and the ticket's language decides.</summary>
    private const double Unsure = 0.3;

    /// <param name="ticketLanguage">The ticket's language when known, used when the text alone is too short to tell.</param>
    /// <param name="firstName">The requester's first name for a greeting, when known.</param>
    public OfflineRewrite Rewrite(string action, string text, string? ticketLanguage, string? firstName)
    {
        if (action == "translate")
        {
            return new OfflineRewrite(text, false, [], TranslateNote);
        }
        var language = Language(text, ticketLanguage);
        var crlf = text.Contains("\r\n", StringComparison.Ordinal);
        var original = crlf ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
        if (ProtectedText.Mask(original) is not { } spans)
        {
            return new OfflineRewrite(text, false, [], "The text holds characters the offline rules cannot edit safely; it is unchanged.");
        }
        var name = firstName is { Length: > 0 } n && !n.Contains('@') && n.All(c => char.IsLetter(c) || c is '-' or '\'') ? n : null;
        var log = new EditLog();
        var masked = action switch
        {
            "fix-grammar" => GrammarRules.Apply(spans.Masked, language, spans, log),
            "shorten" => ShortenRules.Apply(spans.Masked, language, log),
            "friendlier" => ToneRules.Friendlier(spans.Masked, language, name, log),
            "more-formal" => ToneRules.MoreFormal(spans.Masked, language, log),
            "expand" => ExpandRules.Apply(spans.Masked, language, name, log),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown rewrite action."),
        };
        var result = spans.Unmask(masked);
        if (crlf)
        {
            result = result.Replace("\n", "\r\n", StringComparison.Ordinal);
        }
        var note = Note(action, language);
        // The rules never drop what must survive; should one ever do so, the agent's text stands.
        if (RewritePrompt.Lost(text, result, translated: false).Count > 0 || string.Equals(result, text, StringComparison.Ordinal))
        {
            return new OfflineRewrite(text, false, [], $"{NothingToChange} {note}");
        }
        return new OfflineRewrite(result, true, log.Items.Select(spans.Unmask).ToList(), note);
    }

    private string Language(string text, string? ticketLanguage)
    {
        var detected = detector.Detect(text);
        return detected.Confidence < Unsure && ticketLanguage is { Length: >= 2 } ? ticketLanguage[..2].ToLowerInvariant() : detected.Code;
    }

    private static string Note(string action, string language)
    {
        var english = language == "en";
        return (action, english) switch
        {
            ("fix-grammar", true) => "Fixed offline by rules: spacing, punctuation, capitals, repeated words and common misspellings. Other grammar needs an AI model.",
            ("fix-grammar", false) => "Fixed offline by rules: spacing, punctuation, capitals and repeated words. Spelling is checked offline in English only.",
            ("shorten", true) => "Shortened offline by rules: filler words, wordy phrases, repeated sentences and extra pleasantries go; sentences with numbers, links, dates, placeholders or questions stay. Paraphrasing needs an AI model.",
            ("shorten", false) => "Shortened offline by rules: only repeated sentences go in this language. Paraphrasing needs an AI model.",
            ("friendlier", true) => "Made friendlier offline by rules: contractions, plainer words, and a greeting and closing when missing. Rephrasing needs an AI model.",
            ("friendlier", false) => "Made friendlier offline by rules: a greeting and closing in the text's language when missing. Changing words in this language needs an AI model.",
            ("more-formal", true) => "Made more formal offline by rules: contractions written out, casual words and greetings replaced, emoji and repeated \"!\" removed. Rephrasing needs an AI model.",
            ("more-formal", false) => "Made more formal offline by rules: emoji and repeated \"!\" removed. Changing words in this language needs an AI model.",
            ("expand", true) => "Expanded offline by rules: a greeting and closing when missing, and step lists numbered. Offline expand cannot add explanations or new content; that needs an AI model.",
            _ => "Expanded offline by rules: a greeting and closing in the text's language when missing. Offline expand cannot add explanations or new content; that needs an AI model.",
        };
    }
}
