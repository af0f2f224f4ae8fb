-- The scoring service's latest answer for each referral: tier, calibrated score and the reasons, kept beside
-- the referral so the queue can be ordered and explained without calling the service again.
IF OBJECT_ID(N'dbo.referral_scores', N'U') IS NULL
CREATE TABLE dbo.referral_scores (
    report_id       BIGINT         NOT NULL CONSTRAINT pk_referral_scores PRIMARY KEY
                                   CONSTRAINT fk_referral_scores_referral REFERENCES dbo.referrals (report_id),
    tier            INT            NOT NULL,
    tier_name       NVARCHAR(16)   NOT NULL,
    score           FLOAT          NOT NULL,
    model_tier      INT            NOT NULL,
    indicators_json NVARCHAR(MAX)  NOT NULL,
    reasons_json    NVARCHAR(MAX)  NOT NULL,
    warnings_json   NVARCHAR(MAX)  NOT NULL,
    rules_json      NVARCHAR(MAX)  NOT NULL,
    models          NVARCHAR(400)  NOT NULL,
    scored_at       DATETIMEOFFSET NOT NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_scores_tier')
CREATE INDEX ix_referral_scores_tier ON dbo.referral_scores (tier, score DESC);
