-- Issue 6, second pass: the "clustered" variant measured in docs/benchmarks.md ("Linking at 1 million stored
-- referrals: second pass"), applied to a copy of the benchmark store with: sqlite3 copy.db < docs/linking-bench-clustered.sql
-- Not a migration: it measured no faster than the layout of 0009, so it was not adopted.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE referral_identifiers_new (
    kind      TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    report_id INTEGER NOT NULL,
    surface   TEXT    NOT NULL,
    source    TEXT    NOT NULL,
    detail    TEXT    NULL,
    PRIMARY KEY (kind, value, report_id)
) WITHOUT ROWID;
INSERT INTO referral_identifiers_new (kind, value, report_id, surface, source, detail)
SELECT kind, value, report_id, surface, source, detail FROM referral_identifiers ORDER BY kind, value, report_id;
DROP TABLE referral_identifiers;
ALTER TABLE referral_identifiers_new RENAME TO referral_identifiers;
CREATE INDEX ix_referral_identifiers_report ON referral_identifiers (report_id);
CREATE TRIGGER tr_referral_identifiers_count AFTER INSERT ON referral_identifiers
BEGIN
    INSERT INTO identifier_counts (kind, value, referral_count) VALUES (NEW.kind, NEW.value, 1)
    ON CONFLICT (kind, value) DO UPDATE SET referral_count = referral_count + 1;
END;
COMMIT;
