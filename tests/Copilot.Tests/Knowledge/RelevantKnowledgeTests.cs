using Copilot.Api.Knowledge;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.Knowledge;

public class RelevantKnowledgeTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly SourceKind[] Articles = [SourceKind.Article];

    /// <summary>Answers from a fixed list, filtered by locale the way the index filters it.</summary>
    private sealed class ListSearch(params KnowledgeHit[] hits) : IKnowledgeSearch
    {
        public Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string tenant, KnowledgeQuery query, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<KnowledgeHit>>(hits
                .Where(h => query.Locale is null || RelevantKnowledge.InLanguage(h.Locale, query.Locale))
                .Take(query.Limit).ToList());
    }

    /// <param name="score">The hit's ranking score; its keyword relevance when not given.</param>
    private static KnowledgeHit Hit(string id, double relevance, string? locale = "en-us", double? similarity = null, double? score = null) =>
        new(SourceKind.Article, id, id, null, "text", score ?? relevance, locale) { KeywordRelevance = relevance, Similarity = similarity };

    private static RelevantKnowledge Relevant(params KnowledgeHit[] hits) => Relevant(new KnowledgeOptions { MinArticleRelevance = 0.5 }, hits);

    private static RelevantKnowledge Relevant(KnowledgeOptions options, params KnowledgeHit[] hits) => new(new ListSearch(hits), Options.Create(options));

    [Fact]
    public async Task HitsBelowTheFloorAreNotShownAndNoGoodMatchIsSaid()
    {
        var matches = await Relevant(Hit("weak", 0.2), Hit("weaker", 0.1)).FindAsync("t", "wifi", "en", Articles, 3, null, Ct);

        Assert.Equal(MatchStatus.NoGoodMatch, matches.Status);
        Assert.Empty(matches.Hits);
    }

    [Fact]
    public async Task OnlyRelevantHitsAreShownWithNoPadding()
    {
        var matches = await Relevant(Hit("strong", 1.2), Hit("weak", 0.2), Hit("near-in-meaning", 0, similarity: 0.71, score: 1.0)).FindAsync("t", "wifi", "en", Articles, 3, null, Ct);

        Assert.Equal(MatchStatus.Found, matches.Status);
        Assert.Equal(["strong", "near-in-meaning"], matches.Hits.Select(h => h.SourceId));
    }

    [Fact]
    public async Task AnotherLanguageIsShownOnlyWhenNothingInTheTicketsLanguageFits()
    {
        var german = Hit("de-flicker", 1.5, "de");

        var withEnglish = await Relevant(german, Hit("en-flicker", 0.9)).FindAsync("t", "flicker", "en", Articles, 3, null, Ct);
        var germanOnly = await Relevant(german, Hit("en-weak", 0.1)).FindAsync("t", "flicker", "en", Articles, 3, null, Ct);

        Assert.Equal(MatchStatus.Found, withEnglish.Status);
        Assert.Equal(["en-flicker"], withEnglish.Hits.Select(h => h.SourceId));
        Assert.Equal(MatchStatus.OtherLanguage, germanOnly.Status);
        Assert.Equal(["de-flicker"], germanOnly.Hits.Select(h => h.SourceId));
    }

    [Fact]
    public async Task ASourceInAnotherLanguageNeedsAWholeRareTermNotHalfOne()
    {
        // Above the article floor (0.5) but below one rare term's whole score: across languages that is shared names, not a topic.
        var chance = await Relevant(Hit("de-setup", 0.7, "de"), Hit("en-weak", 0.1)).FindAsync("t", "strip steeds onbereikbaar", "nl", Articles, 3, null, Ct);
        var topic = await Relevant(Hit("de-setup", 1.1, "de"), Hit("en-weak", 0.1)).FindAsync("t", "strip steeds onbereikbaar", "nl", Articles, 3, null, Ct);

        Assert.Equal(MatchStatus.NoGoodMatch, chance.Status);
        Assert.Equal(MatchStatus.OtherLanguage, topic.Status);
    }

    [Fact]
    public async Task AnEnglishArticleIsFoundForADutchTicketByItsWordsInEnglishNotByChanceSharedWords()
    {
        // Half a rare term shared with the Dutch text is chance; the same relevance to the ticket's words in English is a topic.
        const string dutch = "Strip steeds onbereikbaar\nMijn strip is steeds onbereikbaar in de app.";
        var english = Hit("en-unreachable", 0.7);

        var articles = await Relevant(english).FindAsync("t", dutch, "nl", Articles, 3, null, Ct);
        var macros = await Relevant(english with { Kind = SourceKind.Macro }).FindAsync("t", dutch, "nl", [SourceKind.Macro], 3, null, Ct);
        var untranslatable = await Relevant(english).FindAsync("t", "Hej, min lampa blinkar", "sv", Articles, 3, null, Ct);

        Assert.Equal(MatchStatus.OtherLanguage, articles.Status);
        Assert.Equal(["en-unreachable"], articles.Hits.Select(h => h.SourceId));
        Assert.Equal(MatchStatus.NoGoodMatch, macros.Status);
        Assert.Equal(MatchStatus.NoGoodMatch, untranslatable.Status);
    }

    [Fact]
    public async Task TheTicketsWordsInEnglishAreAListTheModelCannotRuleAnArticleOutBy()
    {
        // What the glossary words found is shown though the model, reading only those words, found it below its floor;
        // an English ticket's own words with the same relevance are held to the higher floor.
        const string dutch = "Strip steeds onbereikbaar\nMijn strip is steeds onbereikbaar in de app.";
        var english = Hit("en-unreachable", 0.7) with { UnrelatedByModel = true };

        var translated = await Relevant(new KnowledgeOptions(), english).FindAsync("t", dutch, "nl", Articles, 3, null, Ct);
        var own = await Relevant(new KnowledgeOptions(), english).FindAsync("t", "My strip is unreachable in the app", "en", Articles, 3, null, Ct);

        Assert.Equal((MatchStatus.OtherLanguage, "en-unreachable"), (translated.Status, translated.Hits.Single().SourceId));
        Assert.Equal(MatchStatus.NoGoodMatch, own.Status);
    }

    [Fact]
    public async Task AMatchInTheTicketsLanguageOnLessThanOneRareWordAndNothingItAsksGivesWayToTheEnglishArticleForIt()
    {
        const string french = "Double prélèvement Lumora Plus\nJ'ai deux prélèvements sur ma carte pour un seul abonnement.";
        var english = Hit("en-charged-twice", 0.8);

        var chance = await Relevant(Hit("fr-reset", 0.6, "fr") with { Title = "Réinitialiser une ampoule" }, english).FindAsync("t", french, "fr", Articles, 3, null, Ct);
        var onTopic = await Relevant(Hit("fr-charge", 0.6, "fr") with { Title = "Un prélèvement inconnu" }, english).FindAsync("t", french, "fr", Articles, 3, null, Ct);
        var fit = await Relevant(Hit("fr-charged-twice", 1.2, "fr"), english).FindAsync("t", french, "fr", Articles, 3, null, Ct);
        var off = await Relevant(new KnowledgeOptions { MinArticleRelevance = 0.5, EnglishArticlesForOtherLanguages = false }, Hit("fr-reset", 0.6, "fr"), english)
            .FindAsync("t", french, "fr", Articles, 3, null, Ct);

        Assert.Equal((MatchStatus.OtherLanguage, "en-charged-twice"), (chance.Status, chance.Hits.Single().SourceId));
        Assert.Equal((MatchStatus.Found, "fr-charged-twice"), (fit.Status, fit.Hits.Single().SourceId));
        Assert.Equal((MatchStatus.Found, "fr-charge"), (onTopic.Status, onTopic.Hits.Single().SourceId)); // its title names a charge
        Assert.Equal((MatchStatus.Found, "fr-reset"), (off.Status, off.Hits.Single().SourceId));
    }

    [Fact]
    public async Task AWeakMatchInTheTicketsLanguageGivesWayToAnEnglishArticleTheModelFindsWhoseTitleNamesMoreOfTheTicket()
    {
        const string german = "E-Bike-Preis obwohl Akku leer war\nDer Akku war nach fünf Minuten leer und ihr berechnet mir trotzdem den vollen E-Bike-Preis.";
        var unlock = Hit("de-unlock", 0.6, "de") with { Title = "Das Rad lässt sich nicht entsperren" }; // names "bike" only
        var battery = Hit("en-battery", 0, similarity: 0.55, score: 0.9) with { Title = "E-bike battery and range" };

        var closer = await Relevant(unlock, battery).FindAsync("t", german, "de", Articles, 3, null, Ct);
        var byKeywordsOnly = await Relevant(unlock, Hit("en-battery", 0.8) with { Title = "E-bike battery and range" }).FindAsync("t", german, "de", Articles, 3, null, Ct);
        var namesNoMore = await Relevant(unlock, battery with { Title = "Unlock a bike" }).FindAsync("t", german, "de", Articles, 3, null, Ct);
        var itsOwnTranslation = await Relevant(unlock, battery with { SourceId = "de-unlock" }).FindAsync("t", german, "de", Articles, 3, null, Ct);
        var strong = await Relevant(unlock with { KeywordRelevance = 1.2 }, battery).FindAsync("t", german, "de", Articles, 3, null, Ct);

        Assert.Equal((MatchStatus.OtherLanguage, "en-battery"), (closer.Status, closer.Hits[0].SourceId));
        Assert.All(new[] { byKeywordsOnly, namesNoMore, itsOwnTranslation, strong },
            m => Assert.Equal((MatchStatus.Found, "de-unlock"), (m.Status, m.Hits[0].SourceId)));
    }

    [Fact]
    public async Task BesideAFitInTheTicketsLanguageAMatchByChanceIsNotShown()
    {
        const string german = "Spots flackern\nMeine drei Spots flackern bei jeder Helligkeit, auch in einer anderen Leuchte.";
        var flicker = Hit("de-flicker", 1.4, "de") with { Title = "Flackernde Lampen: Ursachen und Lösungen" };
        var cancel = Hit("de-cancel", 0.7, "de") with { Title = "Lumora Plus kündigen und Rückerstattungen" };
        var spots = Hit("de-spots", 0.7, "de") with { Title = "Spots richtig einsetzen" };
        var meaning = Hit("de-meaning", 0.6, "de", similarity: 0.6, score: 0.8) with { Title = "Lumora Plus kündigen" };

        var shown = await Relevant(flicker, cancel, spots, meaning).FindAsync("t", german, "de", Articles, 4, null, Ct);
        var off = await Relevant(new KnowledgeOptions { MinArticleRelevance = 0.5, EnglishArticlesForOtherLanguages = false }, flicker, cancel)
            .FindAsync("t", german, "de", Articles, 3, null, Ct);
        var english = await Relevant(Hit("en-flicker", 1.4), Hit("en-cancel", 0.7)).FindAsync("t", "Flickering spots\nMy spots flicker", "en", Articles, 3, null, Ct);

        Assert.Equal(MatchStatus.Found, shown.Status);
        // The title of the second names the ticket's spots; a model found the last.
        Assert.Equal(["de-flicker", "de-spots", "de-meaning"], shown.Hits.Select(h => h.SourceId));
        Assert.Equal(["de-flicker", "de-cancel"], off.Hits.Select(h => h.SourceId));
        Assert.Equal(["en-flicker", "en-cancel"], english.Hits.Select(h => h.SourceId)); // English is read as it is written
    }

    [Fact]
    public async Task WhatAModelThatReadsTheTicketsLanguageFindsByMeaningComesBeforeTheTranslatedWords()
    {
        var byMeaning = Hit("de-unreachable", 0, "de", similarity: 0.62, score: 0.9);

        var matches = await Relevant(byMeaning, Hit("en-unreachable", 0.7)).FindAsync("t", "Strip steeds onbereikbaar\nMijn strip is steeds onbereikbaar.", "nl", Articles, 3, null, Ct);

        Assert.Equal(MatchStatus.OtherLanguage, matches.Status);
        Assert.Equal(["de-unreachable"], matches.Hits.Select(h => h.SourceId));
    }

    [Fact]
    public async Task AnExcludedSourceNeverTakesAPlace()
    {
        var matches = await Relevant(Hit("42", 2), Hit("7", 1), Hit("9", 1)).FindAsync("t", "q", "en", Articles, 2, h => h.SourceId == "42", Ct);

        Assert.Equal(["7", "9"], matches.Hits.Select(h => h.SourceId));
    }

    [Fact]
    public async Task AClearBestMatchIsNotPaddedWithSourcesThatOnlyClearedTheFloor()
    {
        // All three are above the keyword floor; the third scores less than half of the first.
        KnowledgeHit[] hits = [Hit("wifi-setup", 2.0), Hit("wifi-range", 1.1), Hit("cancel-plan", 0.9)];

        var matches = await Relevant(hits).FindAsync("t", "wifi", "en", Articles, 3, null, Ct);
        var unCut = await Relevant(new KnowledgeOptions { MinArticleRelevance = 0.5, MinShareOfBest = 0 }, hits).FindAsync("t", "wifi", "en", Articles, 3, null, Ct);

        Assert.Equal(["wifi-setup", "wifi-range"], matches.Hits.Select(h => h.SourceId));
        Assert.Equal(["wifi-setup", "wifi-range", "cancel-plan"], unCut.Hits.Select(h => h.SourceId));
    }

    [Fact]
    public void TheShareOfTheBestIsOfItsLeadOverWhatAnUnrelatedSourceScores()
    {
        // Every source of one company's knowledge is a little close to the query: its tenth scores 100 of the first's 400.
        KnowledgeHit[] hits =
        [
            Hit("alexa-linking", 0, similarity: 0.53, score: 400) with { Baseline = 100 },
            Hit("cancel-plus", 0, similarity: 0.41, score: 216) with { Baseline = 100 },
        ];

        var shown = RelevantKnowledge.Shown(hits, new RelevanceFloor(0.5, 0.5), 3);
        var ofWholeScore = RelevantKnowledge.Shown(hits, new RelevanceFloor(0.5, 0.5) { ShareAboveBaseline = false }, 3);
        var noBaseline = RelevantKnowledge.Shown(hits.Select(h => h with { Baseline = null }).ToList(), new RelevanceFloor(0.5, 0.5), 3);

        Assert.Equal(["alexa-linking"], shown.Select(h => h.SourceId)); // 216 is less than 100 + (400 - 100) / 2
        Assert.Equal(["alexa-linking", "cancel-plus"], ofWholeScore.Select(h => h.SourceId));
        Assert.Equal(["alexa-linking", "cancel-plus"], noBaseline.Select(h => h.SourceId));
    }

    [Fact]
    public void TheShareOfTheBestIsMeasuredAmongTheHitsShownNotAgainstOneBelowTheFloor()
    {
        // The first hit is below the keyword floor, so it is not "the best": the share is taken of the first one shown.
        var shown = RelevantKnowledge.Shown([Hit("irrelevant", 0.1, score: 10), Hit("first", 1.0), Hit("second", 0.6)], new RelevanceFloor(0.5, 0.5), 3);

        Assert.Equal(["first", "second"], shown.Select(h => h.SourceId));
    }

    [Fact]
    public async Task ASimilarTicketFoundOnlyByKeywordsNeedsAWholeRareTermWhereAnArticleNeedsHalf()
    {
        var options = new KnowledgeOptions();
        var asArticle = await Relevant(options, Hit("7", 0.7)).FindAsync("t", "strip adhesive", "en", Articles, 3, null, Ct);
        var asSimilarTicket = await Relevant(options, Hit("7", 0.7)).FindAsync("t", "strip adhesive", "en", [SourceKind.PastReply], 3, null, Ct);
        var strongSimilarTicket = await Relevant(options, Hit("7", 1.0)).FindAsync("t", "strip adhesive", "en", [SourceKind.PastReply], 3, null, Ct);

        Assert.Equal(MatchStatus.Found, asArticle.Status);
        Assert.Equal(MatchStatus.NoGoodMatch, asSimilarTicket.Status);
        Assert.Equal(MatchStatus.Found, strongSimilarTicket.Status);
    }

    [Theory]
    // keyword relevance, found unrelated by the model, shown?
    [InlineData(0.68, true, false)]  // "bikes" and "three" for a child seat, in an article the model reads as about something else
    [InlineData(0.8, true, true)]    // more than three quarters of a rare term
    [InlineData(0.68, false, true)]  // the model did not find it unrelated (or keywords alone ranked): the kind's floor
    public async Task AKeywordMatchTheModelFindsUnrelatedNeedsMoreThanTheKindsFloor(double relevance, bool unrelated, bool shown)
    {
        var hit = Hit("pedal-assist", relevance) with { UnrelatedByModel = unrelated };
        var macro = hit with { Kind = SourceKind.Macro };

        var asArticle = await Relevant(new KnowledgeOptions(), hit).FindAsync("t", "child seat", "en", Articles, 3, null, Ct);
        var asMacro = await Relevant(new KnowledgeOptions(), macro).FindAsync("t", "child seat", "en", [SourceKind.Macro], 3, null, Ct);
        var off = await Relevant(new KnowledgeOptions { MinRelevanceUnrelatedByModel = 0 }, hit).FindAsync("t", "child seat", "en", Articles, 3, null, Ct);

        Assert.Equal(shown, asArticle.Hits.Count == 1);
        Assert.Equal(shown, asMacro.Hits.Count == 1);
        Assert.Single(off.Hits);
    }

    [Theory]
    // similarity margin above the model's show floor, keyword relevance, shown as a similar ticket?
    [InlineData(0.12, 0.0, true)]   // the model is sure enough alone
    [InlineData(0.02, 0.0, false)]  // barely above the floor and no keyword evidence: a same-product ticket, not a similar one
    [InlineData(0.02, 0.5, true)]   // barely above the floor, with half a rare term's keyword evidence
    [InlineData(0.02, 0.4, false)]
    [InlineData(0.0, 1.0, true)]    // a whole rare term shows it on keywords alone, as before
    public async Task ASimilarTicketTheModelFindsOnlyALittleCloseAlsoNeedsSomeKeywordEvidence(double margin, double relevance, bool shown)
    {
        var ticket = new KnowledgeHit(SourceKind.PastReply, "118", "Second hand bulbs", null, "text", 1, null)
        {
            KeywordRelevance = relevance, Similarity = 0.4 + margin, SimilarityMargin = margin,
        };
        var article = ticket with { Kind = SourceKind.Article };

        var asTicket = await Relevant(new KnowledgeOptions(), ticket).FindAsync("t", "duplicates", "en", [SourceKind.PastReply], 3, null, Ct);
        var asArticle = await Relevant(new KnowledgeOptions(), article).FindAsync("t", "duplicates", "en", Articles, 3, null, Ct);
        var marginOff = await Relevant(new KnowledgeOptions { PastReplySimilarityMargin = 0 }, ticket).FindAsync("t", "duplicates", "en", [SourceKind.PastReply], 3, null, Ct);

        Assert.Equal(shown, asTicket.Hits.Count == 1);
        // An article or macro needs no margin, and a tenant may turn the margin off.
        Assert.Single(asArticle.Hits);
        Assert.Single(marginOff.Hits);
    }

    [Fact]
    public async Task BesideTheNearestSimilarTicketOneTheModelAloneFindsCloseNeedsALargerMarginOrSomeKeywords()
    {
        // The demo's "Google Home shows every light twice": the duplicates ticket shares its words; a bulb reset and an
        // ex-partner's lights are only about the same products, a little less close by the model.
        KnowledgeHit Ticket(string id, double margin, double relevance, double score) =>
            new(SourceKind.PastReply, id, id, null, "text", score, null) { KeywordRelevance = relevance, Similarity = 0.4 + margin, SimilarityMargin = margin };
        var duplicates = Ticket("116", 0.175, 1.51, 529);
        var bulbReset = Ticket("118", 0.147, 0.27, 468);
        var exPartner = Ticket("113", 0.125, 0.33, 415);
        var sameWords = Ticket("119", 0.077, 0.76, 400);
        var sure = Ticket("120", 0.21, 0.0, 390);

        var shown = await Relevant(new KnowledgeOptions(), duplicates, bulbReset, exPartner, sameWords, sure).FindAsync("t", "duplicates", "en", [SourceKind.PastReply], 5, null, Ct);
        var alone = await Relevant(new KnowledgeOptions(), bulbReset, exPartner).FindAsync("t", "duplicates", "en", [SourceKind.PastReply], 3, null, Ct);
        var off = await Relevant(new KnowledgeOptions { LaterPastReplySimilarityMargin = 0 }, duplicates, bulbReset, exPartner).FindAsync("t", "duplicates", "en", [SourceKind.PastReply], 3, null, Ct);

        Assert.Equal(["116", "119", "120"], shown.Hits.Select(h => h.SourceId));
        // First, the model's word is enough, as before; and a tenant may turn the rule off.
        Assert.Equal(["118"], alone.Hits.Select(h => h.SourceId));
        Assert.Equal(["116", "118", "113"], off.Hits.Select(h => h.SourceId));
    }
}
