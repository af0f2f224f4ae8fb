-- The work queue: one row per referral holding its work state (status, assignee, unit, tier override, review
-- times) beside copies of the columns the queue filters and sorts on, so that every queue page is answered
-- from this table's indexes alone at a million referrals. Writers keep it current in the same transaction as
-- the referral and its score (ReferralWriter, ReferralScoreStore). User and unit ids only: those tables
-- belong to another migration, so no foreign keys to them.
CREATE TABLE IF NOT EXISTS referral_queue (
    report_id          INTEGER NOT NULL PRIMARY KEY REFERENCES referrals (report_id),
    received_at        TEXT    NOT NULL,
    incident_type      TEXT    NOT NULL,
    scored_tier        INTEGER NULL,
    score              REAL    NULL,
    tier_override      INTEGER NULL CHECK (tier_override BETWEEN 1 AND 5),
    -- The tier the queue orders by: the override, else the scored tier, else 6 (unscored sorts last).
    queue_tier         INTEGER GENERATED ALWAYS AS (COALESCE(tier_override, scored_tier, 6)) STORED,
    status             TEXT    NOT NULL DEFAULT 'new'
                       CHECK (status IN ('new', 'in_review', 'assigned', 'investigating', 'referred_onward', 'closed')),
    assignee_user_id   INTEGER NULL,
    unit_id            INTEGER NULL,
    first_reviewed_at  TEXT    NULL,
    status_changed_at  TEXT    NOT NULL,
    -- 0 until the report's free text is in referral_queue_text (filled at import, or at start for older rows).
    text_indexed       INTEGER NOT NULL DEFAULT 0
);

-- The default order, then the same order behind each common equality filter.
CREATE INDEX IF NOT EXISTS ix_referral_queue_order ON referral_queue (queue_tier, score DESC, received_at, report_id);
CREATE INDEX IF NOT EXISTS ix_referral_queue_status ON referral_queue (status, queue_tier, score DESC, received_at, report_id);
CREATE INDEX IF NOT EXISTS ix_referral_queue_incident ON referral_queue (incident_type, queue_tier, score DESC, received_at, report_id);
CREATE INDEX IF NOT EXISTS ix_referral_queue_unit ON referral_queue (unit_id, queue_tier, score DESC, received_at, report_id);
CREATE INDEX IF NOT EXISTS ix_referral_queue_assignee ON referral_queue (assignee_user_id, queue_tier, score DESC, received_at, report_id);
CREATE INDEX IF NOT EXISTS ix_referral_queue_received ON referral_queue (received_at, report_id);
CREATE INDEX IF NOT EXISTS ix_referral_queue_score ON referral_queue (score, report_id);
CREATE INDEX IF NOT EXISTS ix_referral_queue_unindexed ON referral_queue (report_id) WHERE text_indexed = 0;

-- The human text of each report (chat, additional info, bios, escalation text) for free-text search;
-- rowid is the report number. unicode61 folds case and diacritics in Latin and Urdu script alike.
CREATE VIRTUAL TABLE IF NOT EXISTS referral_queue_text USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');

-- Backfill: every referral already stored joins the queue as New, with its latest score. Its text is
-- extracted from report_xml by the store at start (QueueTextBackfill): SQL cannot parse the XML.
INSERT INTO referral_queue (report_id, received_at, incident_type, scored_tier, score, status, status_changed_at)
SELECT r.report_id, r.received_at, r.incident_type, s.tier, s.score, 'new', r.imported_at
FROM referrals r
LEFT JOIN referral_scores s ON s.report_id = r.report_id
WHERE NOT EXISTS (SELECT 1 FROM referral_queue q WHERE q.report_id = r.report_id);
