-- PostgreSQL twin of ../081_time_saved.sql.
CREATE TABLE analytics_time_saved (
    tenant TEXT NOT NULL,
    kind TEXT NOT NULL,
    minutes DOUBLE PRECISION NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant, kind)
);
