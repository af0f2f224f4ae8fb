-- The referral workflow (issue 4): notes, every status move with who made it and why, and the labels people give
-- a referral (a supervisor's tier override with its reason) for `katalyst train` to learn from later. The reason
-- a referral was closed or referred onward is the reason of its latest move into that status. Append-only by use:
-- the portal only ever inserts here.
CREATE TABLE IF NOT EXISTS referral_notes (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    report_id   INTEGER NOT NULL REFERENCES referrals (report_id),
    at          TEXT    NOT NULL,
    user_name   TEXT    NOT NULL,
    text        TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_referral_notes_report ON referral_notes (report_id, id);

CREATE TABLE IF NOT EXISTS referral_status_history (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    report_id   INTEGER NOT NULL REFERENCES referrals (report_id),
    at          TEXT    NOT NULL,
    user_name   TEXT    NOT NULL,
    from_status TEXT    NOT NULL,
    to_status   TEXT    NOT NULL
                CHECK (to_status IN ('new', 'in_review', 'assigned', 'investigating', 'referred_onward', 'closed')),
    reason      TEXT    NULL
);
CREATE INDEX IF NOT EXISTS ix_referral_status_history_report ON referral_status_history (report_id, id);

CREATE TABLE IF NOT EXISTS referral_labels (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    report_id   INTEGER NOT NULL REFERENCES referrals (report_id),
    at          TEXT    NOT NULL,
    user_name   TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('tier-override')),
    value       TEXT    NOT NULL,
    reason      TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_referral_labels_kind ON referral_labels (kind, report_id, id);
