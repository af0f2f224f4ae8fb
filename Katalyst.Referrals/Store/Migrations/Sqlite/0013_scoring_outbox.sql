-- Scoring through an outbox (issues 8 and 9): one row per referral waiting to be scored, written in the same
-- savepoint as the referral. A portal instance claims rows with a lease (claimed_by, claimed_until) through the
-- database, so two instances on one store never score the same referral at once; a failed attempt sets the next
-- attempt time (exponential backoff with jitter) and the reason; after the last attempt the row is 'failed' and
-- waits for a person to retry it. A row leaves the outbox when its score is stored.
CREATE TABLE IF NOT EXISTS scoring_outbox (
    report_id       INTEGER NOT NULL PRIMARY KEY REFERENCES referrals (report_id),
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'failed')),
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT    NULL,
    claimed_by      TEXT    NULL,
    claimed_until   TEXT    NULL,
    enqueued_at     TEXT    NOT NULL,
    failed_at       TEXT    NULL
);

CREATE INDEX IF NOT EXISTS ix_scoring_outbox_due ON scoring_outbox (state, next_attempt_at);

-- Referrals stored before the outbox existed and not scored yet: due at once.
INSERT OR IGNORE INTO scoring_outbox (report_id, state, attempts, next_attempt_at, enqueued_at)
SELECT r.report_id, 'pending', 0, '0001-01-01T00:00:00.0000000Z', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM referrals r
WHERE NOT EXISTS (SELECT 1 FROM referral_scores s WHERE s.report_id = r.report_id);
