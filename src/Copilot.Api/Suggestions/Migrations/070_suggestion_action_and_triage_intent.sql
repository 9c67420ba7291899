-- suggestions.intent is the ticket's intent only (learned, or the best macro's category). Rewrite
-- actions and triage labels were written there too; they get columns of their own.
ALTER TABLE suggestions ADD COLUMN rewrite_action TEXT;  -- rewrite: expand | shorten | friendlier | more-formal | fix-grammar | translate
ALTER TABLE suggestions ADD COLUMN triage_intent TEXT;   -- triage: the intent label triage gave

-- Backfill. Every rewrite row held its action in intent and every triage row its label, so the kind tells
-- them apart. Their intent becomes the ticket's, as the assist recorded it on the latest suggestion of
-- another kind for the same ticket up to then (NULL when there is none, e.g. a rewrite without a ticket).
UPDATE suggestions
SET rewrite_action = CASE WHEN kind = 'rewrite' THEN intent END,
    triage_intent = CASE WHEN kind = 'triage' THEN intent END,
    intent = (SELECT t.intent FROM suggestions AS t
              WHERE t.tenant = suggestions.tenant AND t.ticket_id = suggestions.ticket_id AND suggestions.ticket_id > 0
                AND t.kind NOT IN ('rewrite', 'triage') AND t.created_at <= suggestions.created_at
              ORDER BY t.created_at DESC, t.rowid DESC LIMIT 1)
WHERE kind IN ('rewrite', 'triage');

-- The rollups keyed by intent (030_analytics) are rebuilt from the rows as they are now: the moved rows
-- count under the ticket's intent. analytics_latest keeps each suggestion's counted outcome, under the
-- suggestion's own key.
UPDATE analytics_latest SET intent = coalesce((SELECT s.intent FROM suggestions AS s WHERE s.id = analytics_latest.suggestion_id), '')
WHERE kind IN ('rewrite', 'triage');

DELETE FROM analytics_daily;
INSERT INTO analytics_daily
SELECT s.tenant, substr(s.created_at, 1, 10), s.kind, coalesce(s.agent_id, ''), coalesce(s.intent, ''),
    count(*), coalesce(sum(l.accepted), 0), coalesce(sum(l.edited), 0), coalesce(sum(l.rejected), 0),
    coalesce(sum(l.rej_wrong_facts), 0), coalesce(sum(l.rej_wrong_tone), 0), coalesce(sum(l.rej_outdated_article), 0),
    coalesce(sum(l.rej_missing_context), 0), coalesce(sum(l.rej_policy), 0), coalesce(sum(l.rej_other), 0),
    coalesce(sum(l.edit_lt10), 0), coalesce(sum(l.edit_lt25), 0), coalesce(sum(l.edit_lt50), 0), coalesce(sum(l.edit_ge50), 0),
    total(s.cost_usd)
FROM suggestions AS s LEFT JOIN analytics_latest AS l ON l.suggestion_id = s.id
GROUP BY 1, 2, 3, 4, 5;

-- A week's row is the sum of its days'.
DELETE FROM analytics_weekly;
INSERT INTO analytics_weekly
SELECT tenant, date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days'), kind, agent, intent,
    sum(shown), sum(accepted), sum(edited), sum(rejected),
    sum(rej_wrong_facts), sum(rej_wrong_tone), sum(rej_outdated_article), sum(rej_missing_context), sum(rej_policy), sum(rej_other),
    sum(edit_lt10), sum(edit_lt25), sum(edit_lt50), sum(edit_ge50), sum(cost_usd)
FROM analytics_daily GROUP BY 1, 2, 3, 4, 5;

-- Every day's aggregates may have changed: cached reads are stale.
UPDATE analytics_versions SET version = version + 1;
