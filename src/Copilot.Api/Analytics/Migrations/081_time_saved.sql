-- Minutes an agent saves per use of a suggestion kind, as a tenant's admin set them; kinds without a row use the
-- configured defaults (Copilot:Analytics:MinutesSavedPerAccepted).
CREATE TABLE analytics_time_saved (
    tenant TEXT NOT NULL,
    kind TEXT NOT NULL,
    minutes REAL NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant, kind)
) WITHOUT ROWID;
