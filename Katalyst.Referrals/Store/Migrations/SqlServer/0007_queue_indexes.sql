-- Indexes for the queue's slow filters at a million referrals and for the dashboard (docs/benchmarks.md).

-- The received-date filter in the default order, read from the index with the order's columns.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_received_order')
CREATE INDEX ix_referral_queue_received_order ON dbo.referral_queue (received_at, report_id, queue_tier, score);
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_received')
DROP INDEX ix_referral_queue_received ON dbo.referral_queue;

-- The dashboard's open backlog by status, unit and tier, counted from this index alone.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_backlog')
CREATE INDEX ix_referral_queue_backlog ON dbo.referral_queue (status, unit_id, queue_tier);

-- The dashboard's count of reviewed referrals and their review times (SQL Server sorts the reviewed rows).
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_reviewed')
CREATE INDEX ix_referral_queue_reviewed ON dbo.referral_queue (unit_id, first_reviewed_at, received_at) WHERE first_reviewed_at IS NOT NULL;
