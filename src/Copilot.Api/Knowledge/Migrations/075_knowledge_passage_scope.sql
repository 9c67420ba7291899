-- Who owns each passage, keyed by the passage id: a keyword search joins every FTS5 match to its
-- tenant, kind and locale, and reading these few columns from a small index costs far less than
-- reading each passage's row with its text. Searches name it (INDEXED BY knowledge_passages_scope),
-- because the planner would otherwise look rows up by id in the table itself.
CREATE INDEX knowledge_passages_scope ON knowledge_passages (id, tenant, kind, locale, source_id);
