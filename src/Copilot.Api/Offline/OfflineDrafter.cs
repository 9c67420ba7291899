using System.Text;
using Copilot.Api.Knowledge;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Offline;

/// <summary>
/// A reply drafted without a model, from the best source that fits the customer's question:
/// a macro (placeholders filled), the most relevant sentences of a help article, or a past
/// agent reply. The greeting and closing are in the customer's language; source content is
/// kept in its own language, because translating it needs a model. With no relevant source
/// the draft is an honest holding reply that asks for the missing details and cites nothing.
/// Internal notes never reach the draft: it is written to the customer.
/// </summary>
public sealed class OfflineDrafter(ILanguageDetector detector) : IOfflineDrafter
{
    /// <summary>Below this share of the question's terms a source is not about the question.</summary>
    public const double MinRelevance = 0.25;
    private const int MaxArticleSentences = 4;

    public DraftText Draft(DraftInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var book = Phrasebook.For(Language(input));
        var ticket = input.Thread.Ticket;
        var question = Question.From(input.Thread);

        var relevant = input.Sources
            .Select(hit => (Hit: hit, Relevance: question.Relevance(hit)))
            .Where(x => x.Relevance >= MinRelevance)
            .OrderByDescending(x => x.Relevance).ThenByDescending(x => x.Hit.Score)
            .ToList();

        var text = new StringBuilder();
        var firstName = MacroText.FirstWord(ticket.Requester.Name.Trim());
        text.Append(book.Greet(firstName.Contains('@') ? null : firstName)).Append("\n\n"); // an address is not a name
        var cited = new List<string>();
        string? signOff = null;

        // A macro is a reply the team already wrote for this case: prefer it when it fits nearly as well as the best source.
        var macro = relevant.FirstOrDefault(x => x.Hit.Kind == SourceKind.Macro);
        var best = relevant.FirstOrDefault();
        if (macro.Hit is not null && macro.Relevance >= best.Relevance * 0.8)
        {
            var parsed = MacroText.Parse(macro.Hit.Passage, MacroText.Values(ticket, input.AgentName));
            text.Append(parsed.Body);
            cited.Add(macro.Hit.SourceId);
            var macroLanguage = macro.Hit.Locale is { Length: >= 2 } l ? l[..2].ToLowerInvariant() : detector.Detect(macro.Hit.Passage).Code;
            if (parsed.SignOff is not null && macroLanguage == book.Language)
            {
                signOff = parsed.SignOff;
            }
            var article = relevant.FirstOrDefault(x => x.Hit.Kind is SourceKind.Article && x.Hit.Url is { } url && !parsed.Body.Contains(url, StringComparison.OrdinalIgnoreCase));
            if (article.Hit is not null)
            {
                text.Append("\n\n").Append(CiteLine(book, article.Hit));
                cited.Add(article.Hit.SourceId);
            }
        }
        else if (best.Hit is { Kind: SourceKind.Article or SourceKind.Document })
        {
            text.Append(book.Thanks).Append(' ').Append(book.ArticleIntro).Append("\n\n");
            text.Append(ArticleExtract(best.Hit.Passage, question)).Append("\n\n");
            text.Append(CiteLine(book, best.Hit));
            cited.Add(best.Hit.SourceId);
        }
        else if (best.Hit is { Kind: SourceKind.PastReply })
        {
            var reply = ThreadText.Clean(best.Hit.Passage);
            text.Append(book.Thanks).Append("\n\n").Append(reply.Length > 0 ? reply : best.Hit.Passage.Trim());
            cited.Add(best.Hit.SourceId);
        }
        else
        {
            text.Append(Holding(book, question));
        }

        text.Append("\n\n").Append(signOff ?? Closing(book, input.AgentName));
        return new DraftText(text.ToString().Trim(), cited);
    }

    /// <summary>The detected language, unless the text was too short to tell and the requester's profile says otherwise.</summary>
    private static string Language(DraftInput input)
    {
        const double Unsure = 0.3;
        var locale = input.Thread.Ticket.Requester.Locale;
        return input.Language.Confidence < Unsure && locale is { Length: >= 2 } ? locale[..2].ToLowerInvariant() : input.Language.Code;
    }

    private static string Closing(Phrasebook book, string? agentName) =>
        string.IsNullOrWhiteSpace(agentName) ? book.Closing : book.Closing + "\n" + agentName.Trim();

    private static string CiteLine(Phrasebook book, KnowledgeHit hit) =>
        hit.Url is { Length: > 0 } url
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, book.CiteLine, hit.Title, url)
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, book.CiteLine.Replace(" — {1}", "", StringComparison.Ordinal), hit.Title);

    /// <summary>The passage's sentences that answer the question, in the passage's order.</summary>
    private static string ArticleExtract(string passage, Question question)
    {
        var sentences = ThreadText.Sentences(ThreadText.Normalize(passage));
        var picked = sentences
            .Select((s, i) => (Index: i, Score: question.Overlap(s) + 0.3 / (1 + i) + (char.IsDigit(s[0]) ? 0.2 : 0)))
            .Where(x => x.Score > 0.5 && !IsHeading(sentences[x.Index]))
            .OrderByDescending(x => x.Score)
            .Take(MaxArticleSentences)
            .Select(x => x.Index)
            .Order()
            .ToList();
        if (picked.Count == 0)
        {
            picked = Enumerable.Range(0, sentences.Count).Where(i => !IsHeading(sentences[i])).Take(MaxArticleSentences).ToList();
        }
        var text = new StringBuilder();
        foreach (var i in picked)
        {
            var s = sentences[i];
            text.Append(text.Length == 0 ? "" : char.IsDigit(s[0]) || s.StartsWith('-') || s.StartsWith('•') ? "\n" : " ").Append(s);
        }
        return text.ToString();
    }

    /// <summary>A short line without closing punctuation is a heading: out of its place it reads as a broken sentence.</summary>
    private static bool IsHeading(string line) =>
        !char.IsDigit(line[0]) && !".!?:;)…\"'".Contains(line[^1]) && ThreadText.WordCount(line) <= 8;

    /// <summary>No source fits: say what we need to know, promise nothing else.</summary>
    private static string Holding(Phrasebook book, Question question)
    {
        var details = new List<string>();
        if (question.MentionsBilling && !question.HasOrderNumber)
        {
            details.Add(book.DetailOrder);
        }
        details.Add(book.DetailWhat);
        if (!question.MentionsBilling)
        {
            details.Add(book.DetailError);
            details.Add(book.DetailDevice);
        }
        return $"{book.Thanks} {book.HoldingAsk}\n" + string.Join('\n', details.Select(d => "- " + d)) + "\n\n" + book.HoldingAfter;
    }
}
