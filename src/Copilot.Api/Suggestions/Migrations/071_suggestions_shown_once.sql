-- A summary, article list, macro list or similar-ticket list counts as shown when the sidebar reports that it
-- displayed it to an agent: once per computed assist, agent and kind, however often it is reopened.
ALTER TABLE suggestions ADD COLUMN assist_id TEXT;
CREATE UNIQUE INDEX suggestions_shown_once ON suggestions (tenant, assist_id, kind, ifnull(agent_id, '')) WHERE assist_id IS NOT NULL;
