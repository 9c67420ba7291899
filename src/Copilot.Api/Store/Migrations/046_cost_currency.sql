-- The currency of a suggestion's cost: its tenant's Model:Prices:Currency when the model wrote it
-- (USD unless configured), NULL for offline suggestions. suggestions.cost_usd holds the amount in this
-- currency; the column keeps its older name so rollups (030_analytics triggers) and exports go on working.
ALTER TABLE suggestions ADD COLUMN cost_currency TEXT;
