-- Actions proposed to agents and what they decided. A proposal is written when it is worked out (its id is stable,
-- so the same proposal is one row); shown once, when the sidebar reports its display (suggestion_id: a suggestion of
-- kind 'action'); approved or declined once (state), with what it did (result, JSON).
CREATE TABLE actions (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    ticket_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    procedure_id TEXT,
    procedure_version INTEGER,
    proposal TEXT NOT NULL,       -- the ProposedAction, JSON: what approving does
    suggestion_id TEXT,
    state TEXT NOT NULL,          -- proposed, applying, approved, declined
    result TEXT,
    decided_by TEXT,
    decided_at TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant, id)
);
CREATE INDEX actions_ticket ON actions (tenant, ticket_id);
CREATE INDEX actions_decided ON actions (tenant, decided_at);
