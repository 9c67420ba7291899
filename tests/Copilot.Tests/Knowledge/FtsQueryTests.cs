using Copilot.Api.Knowledge;

namespace Copilot.Tests.Knowledge;

public class FtsQueryTests
{
    [Theory]
    [InlineData("\"unbalanced refund")]
    [InlineData("refund*")]
    [InlineData("NEAR(refund password, 3)")]
    [InlineData("-refund password")]
    [InlineData("title:refund")]
    [InlineData("refund AND OR NOT password")]
    [InlineData("^refund + {title text}: (password")]
    [InlineData("refund'; DROP TABLE knowledge_sources; --")]
    public async Task FtsSyntaxInTheQueryIsSearchedAsPlainWords(string text)
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var index = db.Index();
        await index.UpsertAsync("acme", [KnowledgeTestDb.Article("1", "Refund policy", "We refund within 30 days. Reset your password from the login page.")], CancellationToken.None);

        var hits = await index.SearchAsync("acme", new KnowledgeQuery(text), CancellationToken.None);

        Assert.Equal("1", Assert.Single(hits).SourceId);
        var (sources, _) = await index.CountAsync("acme", CancellationToken.None);
        Assert.Equal(1, sources[SourceKind.Article]);
    }

    [Fact]
    public void EveryTermIsQuotedAndTermsAreOred()
    {
        var match = FtsQuery.Build("NEAR(refund \"card\"* title:late)");

        Assert.Equal("\"refund\" OR \"card\" OR \"title\" OR \"late\"", FtsQuery.Build(["refund", "card", "title", "late"]));
        Assert.DoesNotContain("(", match);
        Assert.DoesNotContain("*", match);
        Assert.DoesNotContain(":", match);
        Assert.Contains("\"near\"", match);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\" * - : ( )")]
    [InlineData("the and of to hi thanks")]
    [InlineData("der die das und le la les el los de het")]
    public void TextWithNothingToSearchGivesNoQuery(string text)
    {
        Assert.Null(FtsQuery.Build(text));
    }

    [Fact]
    public void StopWordsOfSeveralLanguagesAreDropped()
    {
        var terms = FtsQuery.Terms("Hallo, ich habe eine Frage zur Rechnung. Bonjour, je voudrais un remboursement. Hello, where is my parcel?");

        Assert.Contains("rechnung", terms);
        Assert.Contains("remboursement", terms);
        Assert.Contains("parcel", terms);
        Assert.DoesNotContain("ich", terms);
        Assert.DoesNotContain("je", terms);
        Assert.DoesNotContain("where", terms);
        Assert.DoesNotContain("hallo", terms);
    }

    [Fact]
    public void DiacriticsAreFoldedLikeTheTokenizerFoldsThem()
    {
        Assert.Equal(["ruckerstattung", "facture"], FtsQuery.Terms("Rückerstattung Facture"));
    }

    [Fact]
    public void LongQueriesKeepTheTermsTheyRepeatMost()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}"));
        var text = $"{filler} refund refund refund invoice invoice";

        var terms = FtsQuery.Terms(text, maxTerms: 32);

        Assert.Equal(32, terms.Count);
        Assert.Equal("refund", terms[0]);
        Assert.Equal("invoice", terms[1]);
    }

    [Theory]
    [InlineData("Olá, o app não aparece no meu telefone depois que atualizei, obrigado", "app aparece telefone atualizei")]
    [InlineData("Ciao, non riesco a trovare la fattura di questo mese, grazie", "riesco trovare fattura mese")]
    [InlineData("Als ik de stekker eruit haal doet hij het weer een paar uur, dus dat zou ongeveer kunnen", "stekker eruit haal uur")]
    [InlineData("Liebe Grüße, ich kann die App seit gestern nicht mehr öffnen, immer wieder Fehler", "app gestern mehr offnen fehler")]
    [InlineData("Bonjour, depuis la mise à jour je ne peux plus allumer les ampoules, pouvez-vous m'aider ?", "mise jour plus allumer ampoules aider")]
    [InlineData("Je n'ai qu'un seul abonnement : annulez celui de l'adresse pro, lorsqu'il sera renouvelé", "seul abonnement annulez adresse pro renouvele")]
    [InlineData("Hola, ya he pedido la bombilla hace dos semanas y todavía no ha llegado", "pedido bombilla semanas todavia llegado")]
    [InlineData("Der Akku war leer, ich musste trotzdem zahlen, sonst wird mein Konto wirklich gesperrt", "akku leer zahlen konto gesperrt")]
    public void EverydayFunctionWordsOfOtherLanguagesAreNotKeyTerms(string text, string expected)
    {
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), FtsQuery.Terms(text).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("door")]
    [InlineData("plus")]
    [InlineData("car")]
    [InlineData("dan")]
    [InlineData("ben")]
    [InlineData("mai")]
    [InlineData("ed")]
    public void WordsThatAreAlsoEnglishContentWordsOrNamesAreKept(string word)
    {
        Assert.Contains(word, FtsQuery.Terms($"the {word} again"));
    }
}
