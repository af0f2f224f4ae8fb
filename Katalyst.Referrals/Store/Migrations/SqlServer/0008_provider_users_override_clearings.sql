-- People who sign in through the agency's identity provider are kept in users too (so assignment and audit work
-- for them): the provider's stable subject and the email it sends. Local accounts leave both NULL.
IF COL_LENGTH(N'dbo.users', N'subject') IS NULL
ALTER TABLE dbo.users ADD subject NVARCHAR(256) NULL;

IF COL_LENGTH(N'dbo.users', N'email') IS NULL
ALTER TABLE dbo.users ADD email NVARCHAR(320) NULL;

-- The new column is not visible to statements compiled in this batch, so the index goes through EXEC.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ux_users_subject')
EXEC (N'CREATE UNIQUE INDEX ux_users_subject ON dbo.users (subject) WHERE subject IS NOT NULL');

-- A supervisor clearing a tier override (with a reason). The override's label stays in referral_labels as history
-- for training; this records who took it off, when and why. Records are only ever added.
IF OBJECT_ID(N'dbo.referral_tier_override_clearings', N'U') IS NULL
CREATE TABLE dbo.referral_tier_override_clearings (
    id            BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_referral_tier_override_clearings PRIMARY KEY,
    report_id     BIGINT                NOT NULL CONSTRAINT fk_referral_tier_override_clearings_referral REFERENCES dbo.referrals (report_id),
    at            DATETIMEOFFSET        NOT NULL,
    user_name     NVARCHAR(256)         NOT NULL,
    cleared_tier  INT                   NOT NULL,
    reason        NVARCHAR(500)         NOT NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_tier_override_clearings_report')
CREATE INDEX ix_referral_tier_override_clearings_report ON dbo.referral_tier_override_clearings (report_id, id);

IF OBJECT_ID(N'dbo.tr_referral_tier_override_clearings_append_only', N'TR') IS NULL
EXEC (N'CREATE TRIGGER dbo.tr_referral_tier_override_clearings_append_only ON dbo.referral_tier_override_clearings INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 51000, N''referral_tier_override_clearings is append-only: records cannot be changed or deleted'', 1;
END');
