using Copilot.Api.Knowledge;
using Copilot.Api.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.Knowledge;

/// <summary>
/// 077_knowledge_searched_text on a store indexed before it: the past replies already in the full-text index, their
/// placeholders indexed as words, are indexed again without them when the migration runs; nothing else changes.
/// </summary>
public sealed class SearchedTextUpgradeTests
{
    [Fact]
    public async Task PastRepliesIndexedBeforeTheMigrationAreNoLongerFoundByTheirPlaceholders()
    {
        await using var store = await KnowledgeTestDb.CreateBeforeAsync("077_knowledge_searched_text");
        await store.Index().UpsertAsync("acme",
        [
            new(SourceKind.PastReply, "501", "Your ride on [date] – we refunded the unlock fee",
                "Hi [name], bike [order number] didn't open on [date]. We refunded the [amount] unlock fee.", null, null, DateTimeOffset.UnixEpoch),
            KnowledgeTestDb.Article("phone", "Change the phone number on your account", "Open Settings, then Account, and enter the new phone number."),
        ], CancellationToken.None);
        // A new index each time: the one before keeps the term counts it read.
        async Task<List<string>> Found(string question) =>
            (await store.Index().SearchAsync("acme", new KnowledgeQuery(question), CancellationToken.None)).Select(h => h.SourceId).ToList();
        Assert.Contains("501", await Found("my new phone number"));

        await new Migrator(store.Db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);

        Assert.Equal(["phone"], await Found("my new phone number"));
        Assert.Equal(["501"], await Found("unlock fee refunded"));
        Assert.Equal(["phone"], await Found("change phone number in settings"));
    }
}
