using Copilot.Api.Intents;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Copilot.Tests.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.Intents;

public sealed class IntentModelsTests
{
    private static Tenant Acme(Action<TenantOptions>? change = null)
    {
        var options = new TenantOptions { BaseUrl = "https://acme.zendesk.com", OAuthToken = "t", SharedSecret = new string('s', 40), Intents = ["billing", "shipping"] };
        change?.Invoke(options);
        return new Tenant("acme", options, new HelpdeskConnection("zendesk", new Uri("https://acme.zendesk.com"), null, null, "t"), new byte[32]);
    }

    private static SolvedTicket Solved(long id, string subject, string text, params string[] tags) =>
        new(id, subject, text, [], DateTimeOffset.UnixEpoch) { Tags = tags };

    private static readonly SolvedTicket[] History =
    [
        Solved(1, "Charged twice", "My card was charged twice this month", "billing"),
        Solved(2, "Refund please", "Please refund the duplicate payment", "billing", "vip"),
        Solved(3, "Parcel missing", "My parcel has not arrived yet", "shipping"),
        Solved(4, "Where is my order", "The tracking has not moved for a week", "shipping"),
        Solved(5, "Both", "Charged for a parcel that never came", "billing", "shipping"),
        Solved(6, "Untagged", "Hello there", "question"),
    ];

    [Fact]
    public async Task SolvedTicketsTaggedWithOneIntentAreStoredAndLearned()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var store = new IntentExampleStore(db.Db, TimeProvider.System);
        var models = new IntentModels(store, TimeProvider.System, NullLogger<IntentModels>.Instance);

        await models.SolvedTicketsReadAsync(Acme(), History, CancellationToken.None);

        Assert.Equal([1L, 2, 3, 4], (await store.GetAsync("acme", CancellationToken.None)).Select(e => e.TicketId));
        var state = models.Current("acme")!;
        Assert.NotNull(state.Classifier);
        Assert.Equal(2, state.TicketExamples["billing"]);
        Assert.Equal(2, state.TicketExamples["shipping"]);
    }

    [Fact]
    public async Task TheModelIsRetrainedOnlyWhenItsExamplesChange()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var models = new IntentModels(new IntentExampleStore(db.Db, TimeProvider.System), TimeProvider.System, NullLogger<IntentModels>.Instance);
        var tenant = Acme();
        await models.SolvedTicketsReadAsync(tenant, History, CancellationToken.None);
        var first = models.Current("acme");

        Assert.Same(first, await models.RefreshAsync(tenant, CancellationToken.None));
        await models.SolvedTicketsReadAsync(tenant, History, CancellationToken.None);
        Assert.Same(first, models.Current("acme"));

        await models.SolvedTicketsReadAsync(tenant, [.. History, Solved(7, "Invoice", "The invoice amount is wrong", "billing")], CancellationToken.None);
        Assert.NotSame(first, models.Current("acme"));
        Assert.Equal(3, models.Current("acme")!.TicketExamples["billing"]);

        var withExamples = Acme(o => o.IntentExamples["shipping"] = ["Delivery is late"]);
        var retrained = await models.RefreshAsync(withExamples, CancellationToken.None);
        Assert.Equal(1, retrained.ConfiguredExamples["shipping"]);
    }

    [Fact]
    public async Task ATenantWithoutAnIntentListHasNoModel()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var models = new IntentModels(new IntentExampleStore(db.Db, TimeProvider.System), TimeProvider.System, NullLogger<IntentModels>.Instance);

        await models.SolvedTicketsReadAsync(Acme(o => o.Intents = []), History, CancellationToken.None);

        Assert.Null(models.Current("acme")!.Classifier);
    }
}
