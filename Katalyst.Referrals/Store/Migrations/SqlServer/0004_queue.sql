-- The work queue: one row per referral holding its work state (status, assignee, unit, tier override, review
-- times) beside copies of the columns the queue filters and sorts on, so that every queue page is answered
-- from this table's indexes alone at a million referrals. Writers keep it current in the same transaction as
-- the referral and its score (ReferralWriter, ReferralScoreStore). User and unit ids only: those tables
-- belong to another migration, so no foreign keys to them.
IF OBJECT_ID(N'dbo.referral_queue', N'U') IS NULL
CREATE TABLE dbo.referral_queue (
    report_id          BIGINT         NOT NULL CONSTRAINT pk_referral_queue PRIMARY KEY
                                      CONSTRAINT fk_referral_queue_referral REFERENCES dbo.referrals (report_id),
    received_at        DATETIMEOFFSET NOT NULL,
    incident_type      NVARCHAR(128)  NOT NULL,
    scored_tier        INT            NULL,
    score              FLOAT          NULL,
    tier_override      INT            NULL CONSTRAINT ck_referral_queue_override CHECK (tier_override BETWEEN 1 AND 5),
    -- The tier the queue orders by: the override, else the scored tier, else 6 (unscored sorts last).
    queue_tier         AS (COALESCE(tier_override, scored_tier, 6)) PERSISTED,
    status             NVARCHAR(16)   NOT NULL CONSTRAINT df_referral_queue_status DEFAULT N'new'
                                      CONSTRAINT ck_referral_queue_status
                                      CHECK (status IN (N'new', N'in_review', N'assigned', N'investigating', N'referred_onward', N'closed')),
    assignee_user_id   INT            NULL,
    unit_id            INT            NULL,
    first_reviewed_at  DATETIMEOFFSET NULL,
    status_changed_at  DATETIMEOFFSET NOT NULL,
    -- 0 until the report's free text is in body_text (filled at import, or at start for older rows).
    text_indexed       BIT            NOT NULL CONSTRAINT df_referral_queue_text_indexed DEFAULT 0,
    -- The human text of the report (chat, additional info, bios, escalation text) for free-text search.
    -- Searched with LIKE: a full-text index cannot be created inside the migration's transaction, so an
    -- operator adds one out of band where SQL Server is used at scale (docs/architecture.md).
    body_text          NVARCHAR(MAX)  NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_order')
CREATE INDEX ix_referral_queue_order ON dbo.referral_queue (queue_tier, score DESC, received_at, report_id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_status')
CREATE INDEX ix_referral_queue_status ON dbo.referral_queue (status, queue_tier, score DESC, received_at, report_id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_incident')
CREATE INDEX ix_referral_queue_incident ON dbo.referral_queue (incident_type, queue_tier, score DESC, received_at, report_id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_unit')
CREATE INDEX ix_referral_queue_unit ON dbo.referral_queue (unit_id, queue_tier, score DESC, received_at, report_id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_assignee')
CREATE INDEX ix_referral_queue_assignee ON dbo.referral_queue (assignee_user_id, queue_tier, score DESC, received_at, report_id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_received')
CREATE INDEX ix_referral_queue_received ON dbo.referral_queue (received_at, report_id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_score')
CREATE INDEX ix_referral_queue_score ON dbo.referral_queue (score, report_id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_unindexed')
CREATE INDEX ix_referral_queue_unindexed ON dbo.referral_queue (report_id) WHERE text_indexed = 0;

-- Backfill: every referral already stored joins the queue as New, with its latest score. Its text is
-- extracted from report_xml by the store at start (QueueTextBackfill).
INSERT INTO dbo.referral_queue (report_id, received_at, incident_type, scored_tier, score, status, status_changed_at)
SELECT r.report_id, r.received_at, r.incident_type, s.tier, s.score, N'new', r.imported_at
FROM dbo.referrals r
LEFT JOIN dbo.referral_scores s ON s.report_id = r.report_id
WHERE NOT EXISTS (SELECT 1 FROM dbo.referral_queue q WHERE q.report_id = r.report_id);
