-- PostgreSQL twin of ../040_model_audit.sql.
ALTER TABLE suggestions ADD COLUMN total_ms DOUBLE PRECISION;
ALTER TABLE suggestions ADD COLUMN flags TEXT;    -- JSON array of guardrail flags shown with the suggestion
