-- PostgreSQL twin of ../071_suggestions_shown_once.sql.
ALTER TABLE suggestions ADD COLUMN assist_id TEXT;
CREATE UNIQUE INDEX suggestions_shown_once ON suggestions (tenant, assist_id, kind, coalesce(agent_id, '')) WHERE assist_id IS NOT NULL;
