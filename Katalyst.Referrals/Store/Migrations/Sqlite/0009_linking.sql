-- Linking (issue 6): the identifiers of every referral, how many referrals carry each, the subjects referrals are
-- grouped into, and every link with the identifier that made it. Kinds are text (email, phone, ip, sha256, ...):
-- a new kind such as pdq needs no schema change.

-- One row per referral and distinct (kind, value); the first occurrence's surface form and place are kept.
CREATE TABLE IF NOT EXISTS referral_identifiers (
    report_id INTEGER NOT NULL REFERENCES referrals (report_id),
    kind      TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    surface   TEXT    NOT NULL,
    source    TEXT    NOT NULL,
    detail    TEXT    NULL,
    PRIMARY KEY (report_id, kind, value)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_referral_identifiers_value ON referral_identifiers (kind, value, report_id);

-- How many distinct referrals carry each identifier: what decides whether it is too common to link.
CREATE TABLE IF NOT EXISTS identifier_counts (
    kind           TEXT    NOT NULL,
    value          TEXT    NOT NULL,
    referral_count INTEGER NOT NULL,
    PRIMARY KEY (kind, value)
) WITHOUT ROWID;

-- Kept by the store itself, so no writer can add an identifier without counting it.
CREATE TRIGGER IF NOT EXISTS tr_referral_identifiers_count AFTER INSERT ON referral_identifiers
BEGIN
    INSERT INTO identifier_counts (kind, value, referral_count) VALUES (NEW.kind, NEW.value, 1)
    ON CONFLICT (kind, value) DO UPDATE SET referral_count = referral_count + 1;
END;

-- A subject: one suspect as far as the links show. Ids only grow, so the lower id is the older subject.
CREATE TABLE IF NOT EXISTS subjects (
    subject_id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    created_at TEXT    NOT NULL
);

-- Every stored referral belongs to exactly one subject (its own when linked to nothing).
CREATE TABLE IF NOT EXISTS referral_subjects (
    report_id  INTEGER NOT NULL PRIMARY KEY REFERENCES referrals (report_id),
    subject_id INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_referral_subjects_subject ON referral_subjects (subject_id, report_id);

-- Why two referrals are one subject: the identifier they share. A link through an identifier that later became
-- too common is kept, marked retracted (when, and how many referrals carried it then), and no longer groups.
CREATE TABLE IF NOT EXISTS referral_links (
    link_id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    report_a        INTEGER NOT NULL REFERENCES referrals (report_id),
    report_b        INTEGER NOT NULL REFERENCES referrals (report_id),
    kind            TEXT    NOT NULL,
    value           TEXT    NOT NULL,
    linked_at       TEXT    NOT NULL,
    retracted_at    TEXT    NULL,
    retracted_count INTEGER NULL
);

CREATE INDEX IF NOT EXISTS ix_referral_links_value ON referral_links (kind, value) WHERE retracted_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_referral_links_a ON referral_links (report_a, report_b);
CREATE INDEX IF NOT EXISTS ix_referral_links_b ON referral_links (report_b, report_a);

-- Identifiers a referral carries that did not link because too many referrals carry them (the portal says so).
CREATE TABLE IF NOT EXISTS referral_ignored_identifiers (
    report_id      INTEGER NOT NULL REFERENCES referrals (report_id),
    kind           TEXT    NOT NULL,
    value          TEXT    NOT NULL,
    referral_count INTEGER NOT NULL,
    recorded_at    TEXT    NOT NULL,
    PRIMARY KEY (report_id, kind, value)
) WITHOUT ROWID;

-- Referrals stored before linking each become their own subject (their identifiers are not backfilled: linking
-- starts with the referrals imported from now on). The tables above are new and empty here.
INSERT INTO subjects (subject_id, created_at)
SELECT ROW_NUMBER() OVER (ORDER BY report_id), imported_at FROM referrals WHERE NOT EXISTS (SELECT 1 FROM subjects);

INSERT INTO referral_subjects (report_id, subject_id)
SELECT report_id, ROW_NUMBER() OVER (ORDER BY report_id) FROM referrals WHERE NOT EXISTS (SELECT 1 FROM referral_subjects);
