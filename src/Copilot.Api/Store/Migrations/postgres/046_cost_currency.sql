-- PostgreSQL twin of ../046_cost_currency.sql.
ALTER TABLE suggestions ADD COLUMN cost_currency TEXT;
