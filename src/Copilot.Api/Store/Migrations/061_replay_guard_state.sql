-- Whether the last process stopped after writing every token id it had accepted (see ReplayGuard).
-- A fresh store has had no process before: it starts as cleanly stopped.
CREATE TABLE replay_guard_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    clean INTEGER NOT NULL,
    changed_at INTEGER NOT NULL
);
INSERT INTO replay_guard_state (id, clean, changed_at) VALUES (1, 1, 0);
