-- Scoring through an outbox (issues 8 and 9): one row per referral waiting to be scored, written in the same
-- savepoint as the referral. A portal instance claims rows with a lease (claimed_by, claimed_until) through the
-- database, so two instances on one store never score the same referral at once; a failed attempt sets the next
-- attempt time (exponential backoff with jitter) and the reason; after the last attempt the row is 'failed' and
-- waits for a person to retry it. A row leaves the outbox when its score is stored.
IF OBJECT_ID(N'dbo.scoring_outbox', N'U') IS NULL
CREATE TABLE dbo.scoring_outbox (
    report_id       BIGINT         NOT NULL CONSTRAINT pk_scoring_outbox PRIMARY KEY
                                   CONSTRAINT fk_scoring_outbox_referral REFERENCES dbo.referrals (report_id),
    state           NVARCHAR(16)   NOT NULL CONSTRAINT ck_scoring_outbox_state CHECK (state IN (N'pending', N'failed')),
    attempts        INT            NOT NULL,
    next_attempt_at DATETIMEOFFSET NOT NULL,
    last_error      NVARCHAR(2000) NULL,
    claimed_by      NVARCHAR(200)  NULL,
    claimed_until   DATETIMEOFFSET NULL,
    enqueued_at     DATETIMEOFFSET NOT NULL,
    failed_at       DATETIMEOFFSET NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_scoring_outbox_due')
CREATE INDEX ix_scoring_outbox_due ON dbo.scoring_outbox (state, next_attempt_at);

-- Referrals stored before the outbox existed and not scored yet: due at once.
INSERT INTO dbo.scoring_outbox (report_id, state, attempts, next_attempt_at, enqueued_at)
SELECT r.report_id, N'pending', 0, '0001-01-01T00:00:00+00:00', SYSUTCDATETIME()
FROM dbo.referrals r
WHERE NOT EXISTS (SELECT 1 FROM dbo.referral_scores s WHERE s.report_id = r.report_id)
  AND NOT EXISTS (SELECT 1 FROM dbo.scoring_outbox o WHERE o.report_id = r.report_id);
