-- Intent examples learned from a tenant's solved tickets: a ticket whose tags name exactly one of
-- the tenant's intents. Only the subject and the start of the customer's text are kept (what the
-- knowledge index already holds of that ticket). Replaced on each full knowledge sync.
CREATE TABLE intent_examples (
    tenant TEXT NOT NULL,
    ticket_id INTEGER NOT NULL,
    intent TEXT NOT NULL,
    text TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (tenant, ticket_id)
);
