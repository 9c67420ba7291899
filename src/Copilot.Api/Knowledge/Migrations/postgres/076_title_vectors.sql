-- PostgreSQL twin of ../076_title_vectors.sql.
CREATE TABLE title_vectors (
    passage_id BIGINT PRIMARY KEY,
    tenant TEXT NOT NULL,
    model TEXT NOT NULL,
    dimensions INTEGER NOT NULL,
    vector BYTEA NOT NULL
);
CREATE INDEX title_vectors_tenant ON title_vectors (tenant, model);

CREATE FUNCTION title_vectors_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM title_vectors WHERE passage_id = OLD.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER title_vectors_gone AFTER DELETE ON knowledge_passages FOR EACH ROW EXECUTE FUNCTION title_vectors_gone();
