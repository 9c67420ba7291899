-- Embeddings of knowledge passages, for tenants with an embedding model. Computed incrementally:
-- a passage without a row here (new or changed: changed passages get new ids) is embedded on the
-- next pass. Float32 little-endian in `vector`.
CREATE TABLE passage_vectors (
    passage_id INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    model TEXT NOT NULL,
    dimensions INTEGER NOT NULL,
    vector BLOB NOT NULL
);
CREATE INDEX passage_vectors_tenant ON passage_vectors (tenant, model);

CREATE TRIGGER passage_vectors_gone AFTER DELETE ON knowledge_passages BEGIN
    DELETE FROM passage_vectors WHERE passage_id = old.id;
END;
