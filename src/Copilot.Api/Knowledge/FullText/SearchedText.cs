using Copilot.Api.Privacy;
using Copilot.Api.Store;

namespace Copilot.Api.Knowledge.FullText;

/// <summary>
/// What keyword search reads of a passage: its title and text without the placeholders a past reply's case details were
/// replaced by (<see cref="CaseDetails.Labels"/>: <c>[order number]</c>, <c>[amount]</c>, <c>[date]</c>…). They stand
/// where another customer's details stood, not words anyone wrote: a reply that once named an order number is no answer
/// to "I changed my phone number". The passage keeps them as written (the sidebar shows them); only the full-text index
/// leaves them out, both stores alike for any passage that holds one (an article rarely writes "[date]"; PostgreSQL's
/// tsvector cannot tell a passage's kind) — FTS5 through a view of the passages it reads (<c>knowledge_search</c>) and
/// triggers that index the same, PostgreSQL through <c>knowledge_document</c>, its tsvector recomputed for the passages
/// that hold a bracket.
/// Written from the labels, so a label added there is a new migration that indexes again.
/// </summary>
public sealed class SearchedText : IGeneratedMigration
{
    private static readonly string SqliteText = Sqlite();
    private static readonly string PostgresText = Postgres();

    public string Name => "077_knowledge_searched_text";

    public string Sql(StoreProvider provider) => provider == StoreProvider.Postgres ? PostgresText : SqliteText;

    /// <summary>
    /// An SQLite expression: <paramref name="column"/> of row <paramref name="row"/> with every placeholder replaced by a
    /// space; a text without a bracket is taken as it is, not searched once per label.
    /// </summary>
    private static string SqliteStrip(string row, string column)
    {
        var value = $"{row}.{column}";
        return $"CASE WHEN instr({value}, '[') = 0 THEN {value} ELSE "
            + CaseDetails.Labels.Aggregate(value, (inner, label) => $"replace({inner}, '[{label}]', ' ')") + " END";
    }

    private static string Sqlite() => $"""
        DROP TRIGGER IF EXISTS knowledge_passages_ai;
        DROP TRIGGER IF EXISTS knowledge_passages_ad;
        DROP TRIGGER IF EXISTS knowledge_passages_au;
        DROP TABLE IF EXISTS knowledge_vocab;
        DROP TABLE IF EXISTS knowledge_fts;
        DROP VIEW IF EXISTS knowledge_search;

        CREATE VIEW knowledge_search (id, title, text) AS
            SELECT {Row("p", strip: true)} FROM knowledge_passages AS p;

        -- External content read from the view: a 'rebuild' indexes what the triggers index.
        CREATE VIRTUAL TABLE knowledge_fts USING fts5(
            title, text,
            content = 'knowledge_search', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE VIRTUAL TABLE knowledge_vocab USING fts5vocab(knowledge_fts, row);

        {SqliteTriggers(strip: true)}

        INSERT INTO knowledge_fts (knowledge_fts) VALUES ('rebuild');
        """;

    /// <summary>
    /// The triggers that keep <c>knowledge_fts</c> in step with the passages; <paramref name="strip"/> false indexes every
    /// passage as written (as before this migration: the knowledge benchmark's side-by-side build, nothing else).
    /// </summary>
    internal static string SqliteTriggers(bool strip) => $"""
        DROP TRIGGER IF EXISTS knowledge_passages_ai;
        DROP TRIGGER IF EXISTS knowledge_passages_ad;
        DROP TRIGGER IF EXISTS knowledge_passages_au;
        CREATE TRIGGER knowledge_passages_ai AFTER INSERT ON knowledge_passages BEGIN
            INSERT INTO knowledge_fts (rowid, title, text) VALUES ({Row("new", strip)});
        END;
        CREATE TRIGGER knowledge_passages_ad AFTER DELETE ON knowledge_passages BEGIN
            INSERT INTO knowledge_fts (knowledge_fts, rowid, title, text) VALUES ('delete', {Row("old", strip)});
        END;
        CREATE TRIGGER knowledge_passages_au AFTER UPDATE ON knowledge_passages BEGIN
            INSERT INTO knowledge_fts (knowledge_fts, rowid, title, text) VALUES ('delete', {Row("old", strip)});
            INSERT INTO knowledge_fts (rowid, title, text) VALUES ({Row("new", strip)});
        END;
        """;

    private static string Row(string row, bool strip) =>
        strip ? $"{row}.id, {SqliteStrip(row, "title")}, {SqliteStrip(row, "text")}" : $"{row}.id, {row}.title, {row}.text";

    private static string Postgres()
    {
        var labels = string.Join('|', CaseDetails.Labels);
        return $"""
            CREATE OR REPLACE FUNCTION knowledge_searched(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                SELECT regexp_replace(value, '\[({labels})\]', ' ', 'g')
            $$;

            CREATE OR REPLACE FUNCTION knowledge_document(locale TEXT, title TEXT, body TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                SELECT setweight(to_tsvector(knowledge_config(locale), knowledge_fold(knowledge_searched(title))), 'A')
                    || setweight(to_tsvector(knowledge_config(locale), knowledge_fold(knowledge_searched(body))), 'B')
            $$;

            -- The stored tsvector is computed again when its row is written.
            UPDATE knowledge_passages SET text = text WHERE strpos(title, '[') > 0 OR strpos(text, '[') > 0;
            """;
    }
}
