-- One row that readiness (/health/ready) rewrites to prove the store takes writes.
CREATE TABLE store_probe (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at TEXT NOT NULL
);
