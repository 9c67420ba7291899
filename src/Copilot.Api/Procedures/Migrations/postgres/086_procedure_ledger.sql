-- Which procedure (id and version) a suggestion was shown or written under: a procedure displayed in the sidebar (kind
-- 'procedure') and a draft that followed one. Feedback on an action proposed from a procedure carries its id, so
-- per-procedure analytics count the actions approved and declined.
ALTER TABLE suggestions ADD COLUMN procedure_id TEXT;
ALTER TABLE suggestions ADD COLUMN procedure_version INTEGER;
ALTER TABLE feedback ADD COLUMN procedure_id TEXT;
CREATE INDEX suggestions_procedure ON suggestions (tenant, procedure_id) WHERE procedure_id IS NOT NULL;
CREATE INDEX feedback_procedure ON feedback (tenant, procedure_id) WHERE procedure_id IS NOT NULL;
