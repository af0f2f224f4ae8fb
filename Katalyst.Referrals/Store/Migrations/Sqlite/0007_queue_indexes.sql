-- Indexes for the queue's slow filters at a million referrals and for the dashboard (docs/benchmarks.md).

-- The received-date filter in the default order: the range is read from the index with the order's columns,
-- so the matching rows are sorted without visiting the table.
CREATE INDEX IF NOT EXISTS ix_referral_queue_received_order ON referral_queue (received_at, queue_tier, score DESC, report_id);

-- The dashboard's open backlog by status, unit and tier, counted from this index alone.
CREATE INDEX IF NOT EXISTS ix_referral_queue_backlog ON referral_queue (status, unit_id, queue_tier);

-- The dashboard's median time from receipt to first review: reviewed referrals in review-time order, so that the
-- median is read at its offset. The expression must stay exactly as DashboardSql.Sqlite.ReviewSecondsAt writes it.
CREATE INDEX IF NOT EXISTS ix_referral_queue_review_time
    ON referral_queue ((julianday(first_reviewed_at) - julianday(received_at)) * 86400.0)
    WHERE first_reviewed_at IS NOT NULL;
