-- Linking off the import's critical path (issue 6): the writer stores a referral as its own subject and leaves its
-- identifiers here (the JSON the linker's InsertIdentifiers reads), in the referral's own savepoint; a linking run
-- then links waiting referrals strictly in seq order (link results depend on order) and deletes each row in the
-- transaction that linked it. While a referral has a row here, scoring waits for it (linked_referrals and
-- linked_max_tier are scoring signals). Referrals stored earlier were linked as they were stored: nothing to backfill.
CREATE TABLE IF NOT EXISTS linking_outbox (
    seq         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    report_id   INTEGER NOT NULL UNIQUE REFERENCES referrals (report_id),
    identifiers TEXT    NOT NULL,
    enqueued_at TEXT    NOT NULL
);
