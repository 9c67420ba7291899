-- PostgreSQL twin of ../020_boundaries.sql.
CREATE TABLE boundary_rules (
    tenant TEXT PRIMARY KEY,
    rules TEXT NOT NULL,             -- JSON array of rules (see Boundaries/BoundaryRule.cs)
    updated_at TEXT COLLATE "C" NOT NULL
);
