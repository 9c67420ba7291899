-- PostgreSQL twin of ../075_knowledge_passage_scope.sql: a PostgreSQL search filters by tenant in the same scan that
-- ranks (knowledge_passages_search and the row), so it needs no scope index.
SELECT 1;
