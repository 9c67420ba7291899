-- PostgreSQL twin of ../050_intent_examples.sql.
CREATE TABLE intent_examples (
    tenant TEXT NOT NULL,
    ticket_id BIGINT NOT NULL,
    intent TEXT NOT NULL,
    text TEXT NOT NULL,
    changed_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant, ticket_id)
);
