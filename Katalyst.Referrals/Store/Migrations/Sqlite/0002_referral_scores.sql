-- The scoring service's latest answer for each referral: tier, calibrated score and the reasons, kept beside
-- the referral so the queue can be ordered and explained without calling the service again.
CREATE TABLE IF NOT EXISTS referral_scores (
    report_id       INTEGER NOT NULL PRIMARY KEY REFERENCES referrals (report_id),
    tier            INTEGER NOT NULL,
    tier_name       TEXT    NOT NULL,
    score           REAL    NOT NULL,
    model_tier      INTEGER NOT NULL,
    indicators_json TEXT    NOT NULL,
    reasons_json    TEXT    NOT NULL,
    warnings_json   TEXT    NOT NULL,
    rules_json      TEXT    NOT NULL,
    models          TEXT    NOT NULL,
    scored_at       TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_referral_scores_tier ON referral_scores (tier, score DESC);
