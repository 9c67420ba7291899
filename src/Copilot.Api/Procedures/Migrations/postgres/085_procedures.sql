-- Procedures an admin writes per intent: the steps an agent follows for tickets of that intent. Every save is a new
-- version and every version is kept; a procedure's newest version is the one in force, unless it retires it.
CREATE TABLE procedures (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    intent TEXT NOT NULL,
    title TEXT NOT NULL,
    steps TEXT NOT NULL,          -- Markdown, as the admin wrote it
    retired INTEGER NOT NULL,     -- 1: this version retires the procedure
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant, id, version)
);
CREATE INDEX procedures_intent ON procedures (tenant, intent);
