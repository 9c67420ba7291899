-- The embedding of each source's title alone, stored with the source's first passage (ordinal 0). A passage
-- vector reads one stretch of a source; the title says what the whole source is about. Hybrid search lets the
-- title vote on the order of the sources keyword and passage search found. Existing stores get these on the
-- next embedding pass, which embeds every first passage without one. Float32 little-endian in `vector`.
CREATE TABLE title_vectors (
    passage_id INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    model TEXT NOT NULL,
    dimensions INTEGER NOT NULL,
    vector BLOB NOT NULL
);
CREATE INDEX title_vectors_tenant ON title_vectors (tenant, model);

CREATE TRIGGER title_vectors_gone AFTER DELETE ON knowledge_passages BEGIN
    DELETE FROM title_vectors WHERE passage_id = old.id;
END;
