-- People who sign in through the agency's identity provider are kept in users too (so assignment and audit work
-- for them): the provider's stable subject and the email it sends. Local accounts leave both NULL.
ALTER TABLE users ADD COLUMN subject TEXT NULL;
ALTER TABLE users ADD COLUMN email TEXT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_users_subject ON users (subject) WHERE subject IS NOT NULL;

-- A supervisor clearing a tier override (with a reason). The override's label stays in referral_labels as history
-- for training; this records who took it off, when and why. Records are only ever added.
CREATE TABLE IF NOT EXISTS referral_tier_override_clearings (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    report_id     INTEGER NOT NULL REFERENCES referrals (report_id),
    at            TEXT    NOT NULL,
    user_name     TEXT    NOT NULL,
    cleared_tier  INTEGER NOT NULL,
    reason        TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_referral_tier_override_clearings_report ON referral_tier_override_clearings (report_id, id);

CREATE TRIGGER IF NOT EXISTS tr_referral_tier_override_clearings_no_update BEFORE UPDATE ON referral_tier_override_clearings
BEGIN
    SELECT RAISE(ABORT, 'referral_tier_override_clearings is append-only: records cannot be changed');
END;

CREATE TRIGGER IF NOT EXISTS tr_referral_tier_override_clearings_no_delete BEFORE DELETE ON referral_tier_override_clearings
BEGIN
    SELECT RAISE(ABORT, 'referral_tier_override_clearings is append-only: records cannot be deleted');
END;
