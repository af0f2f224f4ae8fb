-- Legal authority to view a referral's files that the ESP did not view (triage-policy.md, "Legal gating of
-- files"): who recorded it, when, the authority's reference (a warrant or authorisation number) and a note.
-- Records are only ever added; the latest one for a referral is the one in force.
CREATE TABLE IF NOT EXISTS referral_legal_authority (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    report_id   INTEGER NOT NULL REFERENCES referrals (report_id),
    recorded_by TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    reference   TEXT    NOT NULL,
    note        TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_referral_legal_authority_report ON referral_legal_authority (report_id, recorded_at DESC, id DESC);

CREATE TRIGGER IF NOT EXISTS tr_referral_legal_authority_no_update BEFORE UPDATE ON referral_legal_authority
BEGIN
    SELECT RAISE(ABORT, 'referral_legal_authority is append-only: records cannot be changed');
END;

CREATE TRIGGER IF NOT EXISTS tr_referral_legal_authority_no_delete BEFORE DELETE ON referral_legal_authority
BEGIN
    SELECT RAISE(ABORT, 'referral_legal_authority is append-only: records cannot be deleted');
END;
