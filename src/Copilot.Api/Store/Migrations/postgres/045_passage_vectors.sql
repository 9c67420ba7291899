-- PostgreSQL twin of ../045_passage_vectors.sql. Vectors stay rows of bytes, scanned in each instance's memory
-- (Knowledge/Vectors); an instance that writes them tells the others to reload (NOTIFY copilot_knowledge).
CREATE TABLE passage_vectors (
    passage_id BIGINT PRIMARY KEY,
    tenant TEXT NOT NULL,
    model TEXT NOT NULL,
    dimensions INTEGER NOT NULL,
    vector BYTEA NOT NULL
);
CREATE INDEX passage_vectors_tenant ON passage_vectors (tenant, model);

CREATE FUNCTION passage_vectors_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM passage_vectors WHERE passage_id = OLD.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER passage_vectors_gone AFTER DELETE ON knowledge_passages FOR EACH ROW EXECUTE FUNCTION passage_vectors_gone();
