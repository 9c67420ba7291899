-- Replays of solved tickets (Replays/): a run, and one row per ticket it chose. A ticket's row gets its result once
-- (result_json set only where it is still NULL), so a run resumed after a crash never counts a ticket twice.
CREATE TABLE replay_runs (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    source TEXT NOT NULL,
    request_json TEXT NOT NULL,
    status TEXT NOT NULL,
    planned INTEGER,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    heartbeat_at TEXT,
    owner TEXT,
    error TEXT
);
CREATE INDEX replay_runs_tenant ON replay_runs (tenant, created_at);

CREATE TABLE replay_tickets (
    run_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    ticket_group TEXT,
    input_json TEXT,
    result_json TEXT,
    done_at TEXT,
    PRIMARY KEY (run_id, ticket_id)
);
CREATE INDEX replay_tickets_position ON replay_tickets (run_id, position);
