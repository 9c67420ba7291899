-- PostgreSQL twin of ../001_core.sql. Times are ISO 8601 UTC text, as in SQLite, so both stores cut and compare them
-- with the same SQL; they sort with COLLATE "C" (byte order, whatever the database's locale), as SQLite sorts text.

-- Tokens already used: a signed sidebar token is accepted once.
CREATE TABLE token_jti (
    tenant TEXT NOT NULL,
    jti TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (tenant, jti)
);
CREATE INDEX token_jti_expiry ON token_jti (expires_at);

-- Every suggestion shown to an agent, with what produced it.
CREATE TABLE suggestions (
    id TEXT COLLATE "C" PRIMARY KEY,
    tenant TEXT NOT NULL,
    ticket_id BIGINT NOT NULL,
    kind TEXT NOT NULL,              -- summary | draft | articles | macros | rewrite | triage
    agent_id TEXT,
    intent TEXT,
    text TEXT NOT NULL,              -- what was suggested (the draft, the summary, the list)
    sources TEXT NOT NULL,           -- JSON array of sources retrieved
    provider TEXT NOT NULL,          -- offline | openai | azure-openai | openai-compatible
    model TEXT,
    prompt_version TEXT NOT NULL,
    latency_ms DOUBLE PRECISION NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX suggestions_ticket ON suggestions (tenant, ticket_id);
CREATE INDEX suggestions_created ON suggestions (tenant, created_at);

-- What the agent did with a suggestion. One row per client event id.
CREATE TABLE feedback (
    tenant TEXT NOT NULL,
    event_id TEXT COLLATE "C" NOT NULL,
    suggestion_id TEXT COLLATE "C" NOT NULL REFERENCES suggestions (id),
    agent_id TEXT,
    outcome TEXT NOT NULL,           -- accepted | edited | rejected
    final_text TEXT,
    edit_distance INTEGER,
    edit_ratio DOUBLE PRECISION,
    reason TEXT,                     -- rejected: wrong-facts | wrong-tone | outdated-article | missing-context | policy | other
    comment TEXT,
    created_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant, event_id)
);
CREATE INDEX feedback_suggestion ON feedback (suggestion_id);
CREATE INDEX feedback_created ON feedback (tenant, created_at);
