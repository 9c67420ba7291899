using Copilot.Api.Suggestions;

namespace Copilot.Tests.StoreContract;

/// <summary>Suggestions are recorded and found within their tenant; an assist's items once per agent and kind.</summary>
public abstract class SuggestionContract(Stores stores)
{
    [Fact]
    public async Task ASuggestionIsFoundByItsTenantOnly()
    {
        var store = new SuggestionStore(await stores.NewAsync());
        var draft = Contract.Suggestion("acme", "draft", cost: 0.0042m);

        var recorded = await store.AddAsync([draft], CancellationToken.None);

        Assert.Equal([(draft.Id, true)], recorded);
        Assert.Equal(draft.Text, await store.FindTextAsync("acme", draft.Id, CancellationToken.None));
        Assert.Null(await store.FindTextAsync("globex", draft.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AnAssistsItemsAreRecordedOncePerAgentAndKindAndTheFirstDisplayIsToldOnce()
    {
        var store = new SuggestionStore(await stores.NewAsync());
        Suggestion[] Items(string? agent) => [Contract.Suggestion("acme", "summary", agent: agent, assistId: "as_1"), Contract.Suggestion("acme", "articles", agent: agent, assistId: "as_1")];
        var first = Items("agent-1");

        var shown = await store.AddAssistItemsAsync("acme", "as_1", first, CancellationToken.None);
        var again = await store.AddAssistItemsAsync("acme", "as_1", Items("agent-1"), CancellationToken.None);
        var unknownAgent = await store.AddAssistItemsAsync("acme", "as_1", Items(null), CancellationToken.None);
        var unknownAgentAgain = await store.AddAssistItemsAsync("acme", "as_1", Items(null), CancellationToken.None);

        Assert.True(shown.FirstDisplay);
        Assert.Equal(first.Select(s => (s.Id, true)), shown.Recorded);
        Assert.False(again.FirstDisplay);
        Assert.Equal(first.Select(s => (s.Id, false)), again.Recorded);
        Assert.All(unknownAgent.Recorded, r => Assert.True(r.New));
        Assert.Equal(unknownAgent.Recorded.Select(r => (r.Id, false)), unknownAgentAgain.Recorded);
    }
}

public sealed class SqliteSuggestionStoreTests(SqliteStores stores) : SuggestionContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresSuggestionStoreTests(PostgresStores stores) : SuggestionContract(stores), IClassFixture<PostgresStores>;
