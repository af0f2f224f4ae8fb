-- Indexes for the queue's slow filters at a million referrals and for the dashboard (docs/benchmarks.md).

-- The received-date filter in the default order: the range is read from an index that also holds the order's
-- columns, so the matching rows are sorted without a table lookup each (SQLite 3.53 took the narrower
-- ix_referral_queue_received and looked up 41,000 rows for a month: 0.4–0.7 s). It keeps (received_at,
-- report_id) first, so it serves the received order too and replaces ix_referral_queue_received.
CREATE INDEX IF NOT EXISTS ix_referral_queue_received_order ON referral_queue (received_at, report_id, queue_tier, score);
DROP INDEX IF EXISTS ix_referral_queue_received;

-- The dashboard's open backlog by status, unit and tier, counted from this index alone.
CREATE INDEX IF NOT EXISTS ix_referral_queue_backlog ON referral_queue (status, unit_id, queue_tier);

-- The dashboard's median time from receipt to first review: reviewed referrals in review-time order, so that the
-- median is read at its offset. The expression must stay exactly as DashboardSql.Sqlite.ReviewSecondsAt writes it.
CREATE INDEX IF NOT EXISTS ix_referral_queue_review_time
    ON referral_queue ((julianday(first_reviewed_at) - julianday(received_at)) * 86400.0)
    WHERE first_reviewed_at IS NOT NULL;

-- Statistics for the new indexes: without them SQLite's planner guesses, and took the backlog index for the
-- queue's status filter (then sorted 100,000 rows: 1.7 s at a million referrals). About 2 s at a million.
ANALYZE referral_queue;
