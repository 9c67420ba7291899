-- Analytics: cost columns on suggestions, rollups kept current by triggers, retrieval
-- events for knowledge gaps, ticket outcomes from helpdesk webhooks.

-- Filled by the model feature when it knows them; NULL for offline suggestions.
ALTER TABLE suggestions ADD COLUMN tokens_in INTEGER;
ALTER TABLE suggestions ADD COLUMN tokens_out INTEGER;
ALTER TABLE suggestions ADD COLUMN cost_usd REAL;
ALTER TABLE suggestions ADD COLUMN first_token_ms REAL;

-- Counts per (tenant, day, kind, agent, intent). A suggestion's outcome counts on the day,
-- under the agent and intent, of the suggestion it answers, so a rate never mixes periods.
-- agent and intent are '' when unknown. Reasons: rej_*; edit sizes (edited outcomes with a
-- known edit_ratio): edit_lt10 [0, 0.10), edit_lt25 [0.10, 0.25), edit_lt50 [0.25, 0.50), edit_ge50 [0.50, ∞).
CREATE TABLE analytics_daily (
    tenant TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, agent TEXT NOT NULL, intent TEXT NOT NULL,
    shown INTEGER NOT NULL DEFAULT 0, accepted INTEGER NOT NULL DEFAULT 0, edited INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0,
    rej_wrong_facts INTEGER NOT NULL DEFAULT 0, rej_wrong_tone INTEGER NOT NULL DEFAULT 0, rej_outdated_article INTEGER NOT NULL DEFAULT 0,
    rej_missing_context INTEGER NOT NULL DEFAULT 0, rej_policy INTEGER NOT NULL DEFAULT 0, rej_other INTEGER NOT NULL DEFAULT 0,
    edit_lt10 INTEGER NOT NULL DEFAULT 0, edit_lt25 INTEGER NOT NULL DEFAULT 0, edit_lt50 INTEGER NOT NULL DEFAULT 0, edit_ge50 INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant, day, kind, agent, intent)
) WITHOUT ROWID;

-- The same counts per ISO week; week is the date of its Monday. Long periods read these.
CREATE TABLE analytics_weekly (
    tenant TEXT NOT NULL, week TEXT NOT NULL, kind TEXT NOT NULL, agent TEXT NOT NULL, intent TEXT NOT NULL,
    shown INTEGER NOT NULL DEFAULT 0, accepted INTEGER NOT NULL DEFAULT 0, edited INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0,
    rej_wrong_facts INTEGER NOT NULL DEFAULT 0, rej_wrong_tone INTEGER NOT NULL DEFAULT 0, rej_outdated_article INTEGER NOT NULL DEFAULT 0,
    rej_missing_context INTEGER NOT NULL DEFAULT 0, rej_policy INTEGER NOT NULL DEFAULT 0, rej_other INTEGER NOT NULL DEFAULT 0,
    edit_lt10 INTEGER NOT NULL DEFAULT 0, edit_lt25 INTEGER NOT NULL DEFAULT 0, edit_lt50 INTEGER NOT NULL DEFAULT 0, edit_ge50 INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant, week, kind, agent, intent)
) WITHOUT ROWID;

-- The outcome that currently counts for each suggestion (the latest feedback event by
-- created_at), as 0/1 contributions, so a changed mind moves a count instead of adding one.
CREATE TABLE analytics_latest (
    suggestion_id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL, ticket_id INTEGER NOT NULL,
    day TEXT NOT NULL, week TEXT NOT NULL, kind TEXT NOT NULL, agent TEXT NOT NULL, intent TEXT NOT NULL,
    event_id TEXT NOT NULL, event_at TEXT NOT NULL, outcome TEXT NOT NULL, reason TEXT NOT NULL,
    accepted INTEGER NOT NULL, edited INTEGER NOT NULL, rejected INTEGER NOT NULL,
    rej_wrong_facts INTEGER NOT NULL, rej_wrong_tone INTEGER NOT NULL, rej_outdated_article INTEGER NOT NULL,
    rej_missing_context INTEGER NOT NULL, rej_policy INTEGER NOT NULL, rej_other INTEGER NOT NULL,
    edit_lt10 INTEGER NOT NULL, edit_lt25 INTEGER NOT NULL, edit_lt50 INTEGER NOT NULL, edit_ge50 INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX analytics_latest_ticket ON analytics_latest (tenant, ticket_id);
CREATE INDEX analytics_latest_day ON analytics_latest (tenant, day);

-- Bumped whenever a day's rollup rows change, so readers can cache a day's (or a week's, the
-- sum of its days) aggregates and know exactly when they are stale.
CREATE TABLE analytics_versions (
    tenant TEXT NOT NULL,
    day TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (tenant, day)
) WITHOUT ROWID;

CREATE TRIGGER analytics_suggestion_shown AFTER INSERT ON suggestions
BEGIN
    INSERT INTO analytics_versions (tenant, day, version) VALUES (NEW.tenant, substr(NEW.created_at, 1, 10), 1)
    ON CONFLICT DO UPDATE SET version = version + 1;
    INSERT INTO analytics_daily (tenant, day, kind, agent, intent, shown, cost_usd)
    VALUES (NEW.tenant, substr(NEW.created_at, 1, 10), NEW.kind, coalesce(NEW.agent_id, ''), coalesce(NEW.intent, ''), 1, coalesce(NEW.cost_usd, 0))
    ON CONFLICT DO UPDATE SET shown = shown + 1, cost_usd = cost_usd + excluded.cost_usd;
    INSERT INTO analytics_weekly (tenant, week, kind, agent, intent, shown, cost_usd)
    VALUES (NEW.tenant,
            date(substr(NEW.created_at, 1, 10), '-' || ((CAST(strftime('%w', substr(NEW.created_at, 1, 10)) AS INTEGER) + 6) % 7) || ' days'),
            NEW.kind, coalesce(NEW.agent_id, ''), coalesce(NEW.intent, ''), 1, coalesce(NEW.cost_usd, 0))
    ON CONFLICT DO UPDATE SET shown = shown + 1, cost_usd = cost_usd + excluded.cost_usd;
END;

-- The model feature may learn the cost after the row is written.
CREATE TRIGGER analytics_suggestion_cost AFTER UPDATE OF cost_usd ON suggestions
WHEN coalesce(NEW.cost_usd, 0) <> coalesce(OLD.cost_usd, 0)
BEGIN
    UPDATE analytics_versions SET version = version + 1 WHERE tenant = OLD.tenant AND day = substr(OLD.created_at, 1, 10);
    UPDATE analytics_daily SET cost_usd = cost_usd + coalesce(NEW.cost_usd, 0) - coalesce(OLD.cost_usd, 0)
    WHERE tenant = OLD.tenant AND day = substr(OLD.created_at, 1, 10) AND kind = OLD.kind AND agent = coalesce(OLD.agent_id, '') AND intent = coalesce(OLD.intent, '');
    UPDATE analytics_weekly SET cost_usd = cost_usd + coalesce(NEW.cost_usd, 0) - coalesce(OLD.cost_usd, 0)
    WHERE tenant = OLD.tenant
      AND week = date(substr(OLD.created_at, 1, 10), '-' || ((CAST(strftime('%w', substr(OLD.created_at, 1, 10)) AS INTEGER) + 6) % 7) || ' days')
      AND kind = OLD.kind AND agent = coalesce(OLD.agent_id, '') AND intent = coalesce(OLD.intent, '');
END;

-- A feedback event older than the outcome already counted changes nothing.
CREATE TRIGGER analytics_feedback_outcome AFTER INSERT ON feedback
WHEN NOT EXISTS (SELECT 1 FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id AND event_at > NEW.created_at)
BEGIN
    -- 1. Take back the outcome that counted until now, if any.
    INSERT INTO analytics_daily (tenant, day, kind, agent, intent, accepted, edited, rejected,
        rej_wrong_facts, rej_wrong_tone, rej_outdated_article, rej_missing_context, rej_policy, rej_other,
        edit_lt10, edit_lt25, edit_lt50, edit_ge50)
    SELECT tenant, day, kind, agent, intent, -accepted, -edited, -rejected,
        -rej_wrong_facts, -rej_wrong_tone, -rej_outdated_article, -rej_missing_context, -rej_policy, -rej_other,
        -edit_lt10, -edit_lt25, -edit_lt50, -edit_ge50
    FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id
    ON CONFLICT DO UPDATE SET accepted = accepted + excluded.accepted, edited = edited + excluded.edited, rejected = rejected + excluded.rejected,
        rej_wrong_facts = rej_wrong_facts + excluded.rej_wrong_facts, rej_wrong_tone = rej_wrong_tone + excluded.rej_wrong_tone,
        rej_outdated_article = rej_outdated_article + excluded.rej_outdated_article, rej_missing_context = rej_missing_context + excluded.rej_missing_context,
        rej_policy = rej_policy + excluded.rej_policy, rej_other = rej_other + excluded.rej_other,
        edit_lt10 = edit_lt10 + excluded.edit_lt10, edit_lt25 = edit_lt25 + excluded.edit_lt25, edit_lt50 = edit_lt50 + excluded.edit_lt50, edit_ge50 = edit_ge50 + excluded.edit_ge50;
    INSERT INTO analytics_weekly (tenant, week, kind, agent, intent, accepted, edited, rejected,
        rej_wrong_facts, rej_wrong_tone, rej_outdated_article, rej_missing_context, rej_policy, rej_other,
        edit_lt10, edit_lt25, edit_lt50, edit_ge50)
    SELECT tenant, week, kind, agent, intent, -accepted, -edited, -rejected,
        -rej_wrong_facts, -rej_wrong_tone, -rej_outdated_article, -rej_missing_context, -rej_policy, -rej_other,
        -edit_lt10, -edit_lt25, -edit_lt50, -edit_ge50
    FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id
    ON CONFLICT DO UPDATE SET accepted = accepted + excluded.accepted, edited = edited + excluded.edited, rejected = rejected + excluded.rejected,
        rej_wrong_facts = rej_wrong_facts + excluded.rej_wrong_facts, rej_wrong_tone = rej_wrong_tone + excluded.rej_wrong_tone,
        rej_outdated_article = rej_outdated_article + excluded.rej_outdated_article, rej_missing_context = rej_missing_context + excluded.rej_missing_context,
        rej_policy = rej_policy + excluded.rej_policy, rej_other = rej_other + excluded.rej_other,
        edit_lt10 = edit_lt10 + excluded.edit_lt10, edit_lt25 = edit_lt25 + excluded.edit_lt25, edit_lt50 = edit_lt50 + excluded.edit_lt50, edit_ge50 = edit_ge50 + excluded.edit_ge50;

    -- 2. Record the new outcome as the one that counts (unknown reasons count as 'other').
    INSERT OR REPLACE INTO analytics_latest
    SELECT s.id, s.tenant, s.ticket_id, substr(s.created_at, 1, 10),
        date(substr(s.created_at, 1, 10), '-' || ((CAST(strftime('%w', substr(s.created_at, 1, 10)) AS INTEGER) + 6) % 7) || ' days'),
        s.kind, coalesce(s.agent_id, ''), coalesce(s.intent, ''), NEW.event_id, NEW.created_at, NEW.outcome, x.reason,
        NEW.outcome = 'accepted', NEW.outcome = 'edited', NEW.outcome = 'rejected',
        x.reason = 'wrong-facts', x.reason = 'wrong-tone', x.reason = 'outdated-article', x.reason = 'missing-context', x.reason = 'policy', x.reason = 'other',
        x.bucket = 0, x.bucket = 1, x.bucket = 2, x.bucket = 3
    FROM suggestions AS s,
        (SELECT CASE WHEN NEW.outcome <> 'rejected' THEN ''
                     WHEN NEW.reason IN ('wrong-facts', 'wrong-tone', 'outdated-article', 'missing-context', 'policy') THEN NEW.reason
                     ELSE 'other' END AS reason,
                CASE WHEN NEW.outcome <> 'edited' OR NEW.edit_ratio IS NULL THEN -1
                     WHEN NEW.edit_ratio < 0.10 THEN 0 WHEN NEW.edit_ratio < 0.25 THEN 1 WHEN NEW.edit_ratio < 0.50 THEN 2 ELSE 3 END AS bucket) AS x
    WHERE s.id = NEW.suggestion_id;

    -- 3. Count it (on the suggestion's day, which never changes, so one version bump covers both steps).
    UPDATE analytics_versions SET version = version + 1
    WHERE tenant = (SELECT tenant FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id)
      AND day = (SELECT day FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id);
    INSERT INTO analytics_daily (tenant, day, kind, agent, intent, accepted, edited, rejected,
        rej_wrong_facts, rej_wrong_tone, rej_outdated_article, rej_missing_context, rej_policy, rej_other,
        edit_lt10, edit_lt25, edit_lt50, edit_ge50)
    SELECT tenant, day, kind, agent, intent, accepted, edited, rejected,
        rej_wrong_facts, rej_wrong_tone, rej_outdated_article, rej_missing_context, rej_policy, rej_other,
        edit_lt10, edit_lt25, edit_lt50, edit_ge50
    FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id
    ON CONFLICT DO UPDATE SET accepted = accepted + excluded.accepted, edited = edited + excluded.edited, rejected = rejected + excluded.rejected,
        rej_wrong_facts = rej_wrong_facts + excluded.rej_wrong_facts, rej_wrong_tone = rej_wrong_tone + excluded.rej_wrong_tone,
        rej_outdated_article = rej_outdated_article + excluded.rej_outdated_article, rej_missing_context = rej_missing_context + excluded.rej_missing_context,
        rej_policy = rej_policy + excluded.rej_policy, rej_other = rej_other + excluded.rej_other,
        edit_lt10 = edit_lt10 + excluded.edit_lt10, edit_lt25 = edit_lt25 + excluded.edit_lt25, edit_lt50 = edit_lt50 + excluded.edit_lt50, edit_ge50 = edit_ge50 + excluded.edit_ge50;
    INSERT INTO analytics_weekly (tenant, week, kind, agent, intent, accepted, edited, rejected,
        rej_wrong_facts, rej_wrong_tone, rej_outdated_article, rej_missing_context, rej_policy, rej_other,
        edit_lt10, edit_lt25, edit_lt50, edit_ge50)
    SELECT tenant, week, kind, agent, intent, accepted, edited, rejected,
        rej_wrong_facts, rej_wrong_tone, rej_outdated_article, rej_missing_context, rej_policy, rej_other,
        edit_lt10, edit_lt25, edit_lt50, edit_ge50
    FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id
    ON CONFLICT DO UPDATE SET accepted = accepted + excluded.accepted, edited = edited + excluded.edited, rejected = rejected + excluded.rejected,
        rej_wrong_facts = rej_wrong_facts + excluded.rej_wrong_facts, rej_wrong_tone = rej_wrong_tone + excluded.rej_wrong_tone,
        rej_outdated_article = rej_outdated_article + excluded.rej_outdated_article, rej_missing_context = rej_missing_context + excluded.rej_missing_context,
        rej_policy = rej_policy + excluded.rej_policy, rej_other = rej_other + excluded.rej_other,
        edit_lt10 = edit_lt10 + excluded.edit_lt10, edit_lt25 = edit_lt25 + excluded.edit_lt25, edit_lt50 = edit_lt50 + excluded.edit_lt50, edit_ge50 = edit_ge50 + excluded.edit_ge50;
END;

-- For each assist, the best knowledge match found; low scores mark knowledge gaps.
CREATE TABLE retrieval_events (
    id INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    ticket_id INTEGER NOT NULL,
    query_terms TEXT NOT NULL,       -- space-separated key terms of the query, lower case
    top_score REAL,                  -- NULL: nothing found
    top_source_id TEXT,
    top_title TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX retrieval_events_created ON retrieval_events (tenant, created_at);
CREATE INDEX retrieval_events_ticket ON retrieval_events (tenant, ticket_id);

-- What happened to each ticket, from helpdesk webhooks.
CREATE TABLE ticket_outcomes (
    tenant TEXT NOT NULL,
    ticket_id INTEGER NOT NULL,
    created_at TEXT,                 -- when the ticket was opened
    solved_at TEXT,                  -- the latest time it was solved; NULL while open
    reopened INTEGER NOT NULL DEFAULT 0,
    satisfaction TEXT,               -- good | bad | NULL
    last_comment_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant, ticket_id)
) WITHOUT ROWID;
CREATE INDEX ticket_outcomes_solved ON ticket_outcomes (tenant, solved_at);

-- Webhook deliveries already processed, by event id, so a redelivery is stored once.
CREATE TABLE webhook_events (
    tenant TEXT NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    ticket_id INTEGER,
    received_at TEXT NOT NULL,
    PRIMARY KEY (tenant, event_id)
) WITHOUT ROWID;

-- Backfill from suggestions and feedback written before this migration, as the triggers would have.
INSERT INTO analytics_latest
SELECT s.id, s.tenant, s.ticket_id, substr(s.created_at, 1, 10),
    date(substr(s.created_at, 1, 10), '-' || ((CAST(strftime('%w', substr(s.created_at, 1, 10)) AS INTEGER) + 6) % 7) || ' days'),
    s.kind, coalesce(s.agent_id, ''), coalesce(s.intent, ''), f.event_id, f.created_at, f.outcome, f.reason,
    f.outcome = 'accepted', f.outcome = 'edited', f.outcome = 'rejected',
    f.reason = 'wrong-facts', f.reason = 'wrong-tone', f.reason = 'outdated-article', f.reason = 'missing-context', f.reason = 'policy', f.reason = 'other',
    f.bucket = 0, f.bucket = 1, f.bucket = 2, f.bucket = 3
FROM (
    SELECT suggestion_id, event_id, created_at, outcome,
        CASE WHEN outcome <> 'rejected' THEN ''
             WHEN reason IN ('wrong-facts', 'wrong-tone', 'outdated-article', 'missing-context', 'policy') THEN reason
             ELSE 'other' END AS reason,
        CASE WHEN outcome <> 'edited' OR edit_ratio IS NULL THEN -1
             WHEN edit_ratio < 0.10 THEN 0 WHEN edit_ratio < 0.25 THEN 1 WHEN edit_ratio < 0.50 THEN 2 ELSE 3 END AS bucket,
        row_number() OVER (PARTITION BY suggestion_id ORDER BY created_at DESC, rowid DESC) AS rn
    FROM feedback) AS f
JOIN suggestions AS s ON s.id = f.suggestion_id
WHERE f.rn = 1;

INSERT INTO analytics_daily (tenant, day, kind, agent, intent, shown, cost_usd)
SELECT tenant, substr(created_at, 1, 10), kind, coalesce(agent_id, ''), coalesce(intent, ''), count(*), total(cost_usd)
FROM suggestions GROUP BY 1, 2, 3, 4, 5;

INSERT INTO analytics_daily (tenant, day, kind, agent, intent, accepted, edited, rejected,
    rej_wrong_facts, rej_wrong_tone, rej_outdated_article, rej_missing_context, rej_policy, rej_other,
    edit_lt10, edit_lt25, edit_lt50, edit_ge50)
SELECT tenant, day, kind, agent, intent, sum(accepted), sum(edited), sum(rejected),
    sum(rej_wrong_facts), sum(rej_wrong_tone), sum(rej_outdated_article), sum(rej_missing_context), sum(rej_policy), sum(rej_other),
    sum(edit_lt10), sum(edit_lt25), sum(edit_lt50), sum(edit_ge50)
FROM analytics_latest WHERE true GROUP BY tenant, day, kind, agent, intent
ON CONFLICT DO UPDATE SET accepted = excluded.accepted, edited = excluded.edited, rejected = excluded.rejected,
    rej_wrong_facts = excluded.rej_wrong_facts, rej_wrong_tone = excluded.rej_wrong_tone, rej_outdated_article = excluded.rej_outdated_article,
    rej_missing_context = excluded.rej_missing_context, rej_policy = excluded.rej_policy, rej_other = excluded.rej_other,
    edit_lt10 = excluded.edit_lt10, edit_lt25 = excluded.edit_lt25, edit_lt50 = excluded.edit_lt50, edit_ge50 = excluded.edit_ge50;

INSERT INTO analytics_weekly
SELECT tenant, date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days'), kind, agent, intent,
    sum(shown), sum(accepted), sum(edited), sum(rejected),
    sum(rej_wrong_facts), sum(rej_wrong_tone), sum(rej_outdated_article), sum(rej_missing_context), sum(rej_policy), sum(rej_other),
    sum(edit_lt10), sum(edit_lt25), sum(edit_lt50), sum(edit_ge50), sum(cost_usd)
FROM analytics_daily GROUP BY 1, 2, 3, 4, 5;

INSERT INTO analytics_versions (tenant, day, version)
SELECT tenant, day, 1 FROM analytics_daily GROUP BY tenant, day;
