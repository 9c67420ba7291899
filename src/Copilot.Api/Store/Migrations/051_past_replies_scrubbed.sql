-- Past replies are now indexed with their case specifics (names, credentials, order numbers, amounts,
-- dates, token links) replaced by placeholders. Rows written before that are dropped here; the next
-- full sync indexes them again, scrubbed.
DELETE FROM knowledge_passages WHERE kind = 'past-reply';
DELETE FROM knowledge_sources WHERE kind = 'past-reply';
