-- Who was shown each action: one suggestion of kind 'action' per action and agent ('' when the display named none), as
-- an assist's items are recorded per agent, so a second agent who is shown an action counts as shown it. The decision is
-- feedback on the deciding agent's suggestion, which actions.suggestion_id then names (before it: the first display's).
CREATE TABLE action_shown (
    tenant TEXT NOT NULL,
    action_id TEXT NOT NULL,
    agent_id TEXT NOT NULL,
    suggestion_id TEXT NOT NULL,
    PRIMARY KEY (tenant, action_id, agent_id)
);
INSERT INTO action_shown (tenant, action_id, agent_id, suggestion_id)
SELECT a.tenant, a.id, coalesce(s.agent_id, ''), a.suggestion_id
FROM actions AS a JOIN suggestions AS s ON s.id = a.suggestion_id COLLATE "C"
WHERE a.suggestion_id IS NOT NULL;
