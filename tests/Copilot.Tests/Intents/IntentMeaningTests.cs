using Copilot.Api.Intents;
using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Models;
using Copilot.Connectors.Models.Local;
using Copilot.Tests.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.Intents;

/// <summary>An offline tenant's intent model reads English requests by their meaning (the built-in sentence model), not only their words.</summary>
public sealed class IntentMeaningTests
{
    private static Tenant Shop() => new("shop", new TenantOptions
    {
        BaseUrl = "https://shop.zendesk.com", OAuthToken = "t", SharedSecret = new string('s', 40),
        Intents = ["account", "billing", "shipping"],
        IntentExamples =
        {
            ["account"] = ["I cannot log in to my account", "Please change the email address on my profile", "I forgot my password", "How do I turn on two-step verification?"],
            ["billing"] = ["I was charged twice this month", "Please refund the duplicate payment", "There is a fee I do not recognise", "Why is my invoice higher than usual?"],
            ["shipping"] = ["Where is my order?", "My parcel has not arrived yet", "The tracking has not moved for a week", "Mein Paket ist noch nicht da"],
        },
    }, new HelpdeskConnection("zendesk", new Uri("https://shop.zendesk.com"), null, null, "t"), new byte[32]);

    private static HelpdeskThread Ticket(string text, string? locale = "en-US")
    {
        var customer = new HelpdeskUser(1, "Customer", null, AuthorRole.Customer, locale);
        return new HelpdeskThread(new HelpdeskTicket(1, "", "open", null, customer, null, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
            [new HelpdeskComment(1, customer, true, text, DateTimeOffset.UnixEpoch)]);
    }

    /// <summary>The thread's search text, as the assist hands it to the intents.</summary>
    private static string Query(HelpdeskThread thread) => ThreadQuery.Build(thread, includeInternalNotes: false);

    private static IntentVectors Vectors() =>
        new(new TenantModels(new ModelClientFactory(), Options.Create(new KnowledgeOptions())), new QueryVectors(), new LanguageDetector());

    [Fact]
    public async Task ARequestThatSharesNoWordWithAnyExampleFindsTheIntentThatMeansTheSame()
    {
        Assert.NotNull(LocalEmbeddingModel.Instance);
        await using var db = await KnowledgeTestDb.CreateAsync();
        var withMeaning = new IntentModels(new IntentExampleStore(db.Db, TimeProvider.System), TimeProvider.System, NullLogger<IntentModels>.Instance, Vectors());
        var wordsOnly = new IntentModels(new IntentExampleStore(db.Db, TimeProvider.System), TimeProvider.System, NullLogger<IntentModels>.Instance);
        var tenant = Shop();
        var state = await withMeaning.RefreshAsync(tenant, CancellationToken.None);
        await wordsOnly.RefreshAsync(tenant, CancellationToken.None);
        var ticket = Ticket("The delivery still hasn't shown up, it's been ten days since I bought it.");

        Assert.Equal(LocalEmbeddingModel.Instance!.Model(new KnowledgeOptions().VectorContextPassages), state.EmbeddingModel);
        var read = (await withMeaning.ClassifyAsync(tenant, ticket, Query(ticket), "en", CancellationToken.None))!;
        Assert.Equal("shipping", read.Candidates[0].Intent);
        Assert.True(read.Candidates[0].Probability > 2 * read.Candidates[1].Probability, $"shipping is not clearly first: {string.Join(", ", read.Candidates)}");
        // By its words alone the model knows nothing of this request: every intent at its base rate.
        var words = (await wordsOnly.ClassifyAsync(tenant, ticket, Query(ticket), "en", CancellationToken.None))!;
        Assert.False(words.Confident);
        Assert.Equal(words.Candidates[0].Probability, words.Candidates[^1].Probability, 3);
    }

    [Theory]
    [InlineData("Can you recommend a good pizza place near the office?")]
    [InlineData("Hello")]
    public async Task ARequestAboutNothingTheExamplesAreAboutStaysUnsure(string text)
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var models = new IntentModels(new IntentExampleStore(db.Db, TimeProvider.System), TimeProvider.System, NullLogger<IntentModels>.Instance, Vectors());
        var tenant = Shop();
        await models.RefreshAsync(tenant, CancellationToken.None);

        var ticket = Ticket(text);
        var guess = (await models.ClassifyAsync(tenant, ticket, Query(ticket), "en", CancellationToken.None))!;

        // The base rates, as for a text of unknown words: four examples each, a third each.
        Assert.False(guess.Confident);
        Assert.All(guess.Candidates, c => Assert.Equal(1 / 3.0, c.Probability, 3));
    }

    [Fact]
    public async Task TextTheSentenceModelCannotReadIsClassifiedByItsEnglishWordsOrByItsOwnOnceTheModelHasEnoughExamplesInIt()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var models = new IntentModels(new IntentExampleStore(db.Db, TimeProvider.System), TimeProvider.System, NullLogger<IntentModels>.Instance, Vectors());
        var ticket = Ticket("Mein Paket ist immer noch nicht da, bitte helfen Sie mir.", "de-DE");

        // One German example among twelve English ones: the model reads the ticket's helpdesk words in English ("Paket" is a
        // parcel); a Swedish one, which the glossary does not know, shares only a word or two with an example, and stays unsure.
        var few = Shop();
        await models.RefreshAsync(few, CancellationToken.None);
        var translated = (await models.ClassifyAsync(few, ticket, Query(ticket), "de", CancellationToken.None))!;
        var swedish = Ticket("Mitt paket har fortfarande inte kommit, kan ni hjälpa mig?", "sv-SE");
        var unsure = (await models.ClassifyAsync(few, swedish, Query(swedish), "sv", CancellationToken.None))!;
        var english = Ticket("My parcel still has not arrived, can you help?");
        var read = (await models.ClassifyAsync(few, english, Query(english), "en", CancellationToken.None))!;

        var enough = Shop();
        enough.Options.IntentExamples["billing"].AddRange(["Mir wurde zweimal abgebucht", "Bitte erstatten Sie die doppelte Zahlung", "Die Rechnung ist zu hoch", "Ich erkenne diese Gebühr nicht"]);
        enough.Options.IntentExamples["shipping"].AddRange(["Wo ist meine Bestellung?", "Die Sendungsverfolgung bewegt sich nicht", "Die Lieferung ist verspätet", "Das Paket wurde nicht zugestellt"]);
        enough.Options.IntentExamples["account"].AddRange(["Ich kann mich nicht anmelden", "Bitte ändern Sie meine E-Mail-Adresse"]);
        await models.RefreshAsync(enough, CancellationToken.None);
        var german = (await models.ClassifyAsync(enough, ticket, Query(ticket), "de", CancellationToken.None))!;

        Assert.Equal(("shipping", true), (translated.Intent, translated.Confident));
        Assert.Equal((IntentGuess.Other, false), (unsure.Intent, unsure.Confident));
        Assert.Equal(("shipping", true), (read.Intent, read.Confident));
        Assert.Equal(("shipping", true), (german.Intent, german.Confident));
        Assert.True(models.Current("shop")!.ExamplesByLanguage["de"] >= IntentModels.MinExamplesInLanguage);
    }
}
