-- PostgreSQL twin of ../070_suggestion_action_and_triage_intent.sql (a PostgreSQL store has no older rows to move).
ALTER TABLE suggestions ADD COLUMN rewrite_action TEXT;  -- rewrite: expand | shorten | friendlier | more-formal | fix-grammar | translate
ALTER TABLE suggestions ADD COLUMN triage_intent TEXT;   -- triage: the intent label triage gave
