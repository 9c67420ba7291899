-- Boundary rules an admin has set for a tenant: the whole list as JSON, replaced as a whole.
-- A tenant without a row uses the shipped defaults; a row holding [] means "no rules".
CREATE TABLE boundary_rules (
    tenant TEXT PRIMARY KEY,
    rules TEXT NOT NULL,             -- JSON array of rules (see Boundaries/BoundaryRule.cs)
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
