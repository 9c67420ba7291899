-- Everything the copilot can cite: help-center articles, macros, past agent replies and
-- imported documents. One row per source; its text lives in knowledge_passages.
CREATE TABLE knowledge_sources (
    tenant TEXT NOT NULL,
    kind TEXT NOT NULL,              -- article | macro | past-reply | document
    source_id TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT,
    locale TEXT,                     -- lower case, e.g. en-us; NULL = any language
    updated_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,      -- SHA-256 of what was indexed; unchanged sources are skipped
    passages INTEGER NOT NULL,
    PRIMARY KEY (tenant, kind, source_id)
) WITHOUT ROWID;

-- Pieces of a source (40-80 words by default, see KnowledgeOptions), overlapping by a sentence. tenant/kind/locale are
-- copied here so a search filters without touching knowledge_sources.
CREATE TABLE knowledge_passages (
    id INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    kind TEXT NOT NULL,
    source_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    locale TEXT,
    title TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX knowledge_passages_source ON knowledge_passages (tenant, kind, source_id);

-- External-content FTS5 index over title and text, kept in step by the triggers below.
-- No stemming: porter scored lower than plain unicode61 on the ABCD evaluation (docs/evaluation.md),
-- and it only knows English while tickets come in many languages.
CREATE VIRTUAL TABLE knowledge_fts USING fts5(
    title, text,
    content = 'knowledge_passages', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- How many passages hold each term: queries keep their rarest terms (see FtsQuery.SelectByRarity).
CREATE VIRTUAL TABLE knowledge_vocab USING fts5vocab(knowledge_fts, row);

CREATE TRIGGER knowledge_passages_ai AFTER INSERT ON knowledge_passages BEGIN
    INSERT INTO knowledge_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER knowledge_passages_ad AFTER DELETE ON knowledge_passages BEGIN
    INSERT INTO knowledge_fts (knowledge_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER knowledge_passages_au AFTER UPDATE ON knowledge_passages BEGIN
    INSERT INTO knowledge_fts (knowledge_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO knowledge_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Where each tenant's sync stands. Shared by every instance; the lease keeps two
-- instances from syncing the same tenant at once.
CREATE TABLE knowledge_sync_state (
    tenant TEXT PRIMARY KEY,
    last_incremental_start TEXT,     -- where the next incremental article export starts
    last_full_sync TEXT,
    last_sync TEXT,
    last_attempt TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    macros INTEGER NOT NULL DEFAULT 0,
    past_replies INTEGER NOT NULL DEFAULT 0,
    removed INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_error_at TEXT,
    lease_owner TEXT,
    lease_until TEXT
);
