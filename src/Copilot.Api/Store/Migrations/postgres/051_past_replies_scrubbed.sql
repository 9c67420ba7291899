-- PostgreSQL twin of ../051_past_replies_scrubbed.sql: a PostgreSQL store has only ever held scrubbed past replies.
SELECT 1;
