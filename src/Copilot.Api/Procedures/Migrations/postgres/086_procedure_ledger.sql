-- Which procedure (id and version) a suggestion was shown or written under: a procedure displayed in the sidebar (kind
-- 'procedure') and a draft that followed one.
ALTER TABLE suggestions ADD COLUMN procedure_id TEXT;
ALTER TABLE suggestions ADD COLUMN procedure_version INTEGER;
CREATE INDEX suggestions_procedure ON suggestions (tenant, procedure_id) WHERE procedure_id IS NOT NULL;
