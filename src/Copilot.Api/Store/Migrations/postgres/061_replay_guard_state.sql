-- PostgreSQL twin of ../061_replay_guard_state.sql. Several instances share a PostgreSQL store, so every token id
-- waits for its row there (ReplayGuard); the row is kept for the same code path.
CREATE TABLE replay_guard_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    clean INTEGER NOT NULL,
    changed_at BIGINT NOT NULL
);
INSERT INTO replay_guard_state (id, clean, changed_at) VALUES (1, 1, 0);
