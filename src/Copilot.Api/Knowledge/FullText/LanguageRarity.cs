using System.Data.Common;
using Dapper;

namespace Copilot.Api.Knowledge.FullText;

/// <summary>
/// How rare a term is among the passages of the query's own language. BM25 counts a term's rarity over the whole
/// index, and where most passages are in one language a word of a smaller one is rare there only because few
/// passages are in that language: "compte", "Fahrt", "fiets" scored as rare words, and a French 2FA question matched
/// the return policy on "numéro", "compte" and "application". A term then weighs as rare as it is among the
/// language's passages, if that is less, so the language's everyday words stop counting as evidence. A small
/// language's counts say little (with four German passages, one word can be in all of them by chance), so they are
/// shrunk towards the whole index's as if <see cref="Prior"/> passages of the index were in the language too.
/// The index's main language (half its passages or more) keeps the index's counts: they are nearly its own.
/// </summary>
internal static class LanguageRarity
{
    /// <summary>Passages of the whole index a language's counts are shrunk towards.</summary>
    public const double Prior = 20;

    /// <summary>
    /// The passages of a language, as every search of a language reads them too: in it (its locale or a regional variant
    /// of it) or in no language in particular. Parameters <c>@locale</c> and <c>@localePrefix</c> (<see cref="Prefix"/>).
    /// </summary>
    public const string Filter = "(p.locale IS NULL OR p.locale = @locale OR p.locale LIKE @localePrefix ESCAPE '\\')";

    /// <summary>The <c>@localePrefix</c> of <see cref="Filter"/>: the locale's regional variants ("fr" → "fr-%").</summary>
    public static string Prefix(string locale) => locale.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "-%";

    /// <summary>Whether a language's passages are few enough in the index for its own counts to differ from the index's.</summary>
    public static bool Counts(long languageRows, long rows) => languageRows * 2 < rows;

    /// <summary>
    /// What share of its BM25 weight a term keeps: its rarity in the language (shrunk) against its rarity in the
    /// index, each as a share of the rarest a term can be there, at most 1.
    /// </summary>
    /// <param name="df">Passages of the index that hold the term.</param>
    /// <param name="languageDf">Passages of the language that hold it.</param>
    public static double Weight(long df, long rows, long languageDf, long languageRows)
    {
        if (rows <= 0)
        {
            return 1;
        }
        var index = Share(Math.Min(Math.Max(df, 1), rows), rows);
        var passages = languageRows + Prior;
        var holding = Math.Min(languageDf, languageRows) + Prior * Math.Min(Math.Max(df, 1), rows) / rows;
        var weight = Share(holding, passages) / index;
        return double.IsFinite(weight) ? Math.Clamp(weight, 0, 1) : 1;
    }

    /// <summary>A term's inverse document frequency as a share of the highest there is (a term one passage holds).</summary>
    private static double Share(double df, double rows) => Bm25.Idf(df, rows) / Bm25.Idf(1, rows);

    /// <summary>Passages of the language in the whole index (every tenant).</summary>
    public static Task<long> RowsAsync(DbConnection connection, string locale, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM knowledge_passages p WHERE {Filter}", new { locale, localePrefix = Prefix(locale) }, cancellationToken: cancellationToken));
}
