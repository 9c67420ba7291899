using Copilot.Api.Knowledge;
using Copilot.Tests.StoreContract;

namespace Copilot.Tests.Knowledge;

/// <summary>
/// A word's rarity is judged where the ticket looks, among the tenant's passages in the ticket's language, on both stores:
/// in a mostly English index every French word is rare by the index's counts, and must not be by the French ones.
/// </summary>
public abstract class KeywordRarityContract(Stores stores)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly string[] Topics = ["Pair a bulb", "Update the hub", "Set a schedule", "Change the colour", "Use voice control", "Dim the lights"];

    /// <summary>A help center mostly in English, with a few French articles in which "compte" (account) is an everyday word.</summary>
    private static IEnumerable<KnowledgeDocument> HelpCenter() =>
        Enumerable.Range(0, 240).Select(i => KnowledgeTestDb.Article($"en-{i}", $"{Topics[i % Topics.Length]} ({i})",
            $"Open the app and choose {Topics[(i + 1) % Topics.Length].ToLowerInvariant()}. Step {i}: hold the button until the light turns blue, then wait a minute."))
        .Concat([
            KnowledgeTestDb.Article("fr-creer", "Créer votre compte", "Téléchargez l'application, touchez Créer un compte et choisissez un mot de passe pour votre compte.", "fr"),
            KnowledgeTestDb.Article("fr-mot-de-passe", "Changer le mot de passe", "Ouvrez Réglages, puis Compte, et touchez Mot de passe. Le nouveau mot de passe du compte remplace l'ancien.", "fr"),
            KnowledgeTestDb.Article("fr-supprimer", "Supprimer votre compte", "La suppression du compte efface vos pièces, vos scènes et vos programmations. Elle est définitive.", "fr"),
            KnowledgeTestDb.Article("fr-famille", "Partager l'accès", "Invitez jusqu'à cinq personnes à rejoindre votre compte depuis Réglages, puis Famille.", "fr"),
            KnowledgeTestDb.Article("fr-factures", "Vos factures", "Les factures de votre abonnement sont envoyées chaque mois à l'adresse e-mail de votre compte.", "fr"),
            KnowledgeTestDb.Article("fr-ampoule", "Réinitialiser une ampoule",
                "Coupez et rallumez le courant cinq fois : l'ampoule clignote trois fois puis s'allume en blanc chaud. Votre compte et vos scènes ne changent pas, votre compte garde ses réglages.", "fr"),
        ]);

    private async Task<IReadOnlyList<KnowledgeHit>> ShownAsync(KnowledgeIndex index, string ticket)
    {
        var options = new KnowledgeOptions();
        var hits = await index.SearchAsync("acme", new KnowledgeQuery(ticket, 3, [SourceKind.Article], "fr"), Ct);
        return RelevantKnowledge.Shown(hits, options.FloorFor([SourceKind.Article]), 3);
    }

    [Fact]
    public async Task AFrenchTicketSharingOnlyAnEverydayWordWithAFrenchArticleGetsNoKeywordMatch()
    {
        var index = new KnowledgeIndex(await stores.NewAsync(), new KnowledgeOptions());
        await index.UpsertAsync("acme", HelpCenter().ToList(), Ct);

        var chance = await ShownAsync(index, "Je ne reçois plus le code SMS pour me connecter à mon compte.");
        var genuine = await ShownAsync(index, "Mon ampoule clignote sans arrêt, comment la réinitialiser ?");

        Assert.True(chance.Count == 0, string.Join(", ", chance.Select(h => $"{h.SourceId} {h.KeywordRelevance}")));
        Assert.Equal("fr-ampoule", genuine[0].SourceId);
    }
}

public sealed class SqliteKeywordRarityTests(SqliteStores stores) : KeywordRarityContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresKeywordRarityTests(PostgresStores stores) : KeywordRarityContract(stores), IClassFixture<PostgresStores>;
