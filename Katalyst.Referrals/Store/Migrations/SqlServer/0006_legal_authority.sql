-- Legal authority to view a referral's files that the ESP did not view (triage-policy.md, "Legal gating of
-- files"): who recorded it, when, the authority's reference (a warrant or authorisation number) and a note.
-- Records are only ever added; the latest one for a referral is the one in force.
IF OBJECT_ID(N'dbo.referral_legal_authority', N'U') IS NULL
CREATE TABLE dbo.referral_legal_authority (
    id          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_referral_legal_authority PRIMARY KEY,
    report_id   BIGINT                NOT NULL CONSTRAINT fk_referral_legal_authority_referral REFERENCES dbo.referrals (report_id),
    recorded_by NVARCHAR(256)         NOT NULL,
    recorded_at DATETIMEOFFSET        NOT NULL,
    reference   NVARCHAR(200)         NOT NULL,
    note        NVARCHAR(2000)        NOT NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_legal_authority_report')
CREATE INDEX ix_referral_legal_authority_report ON dbo.referral_legal_authority (report_id, recorded_at DESC, id DESC);

-- CREATE TRIGGER must open its own batch; the migration runs as one batch, so it goes through EXEC.
IF OBJECT_ID(N'dbo.tr_referral_legal_authority_append_only', N'TR') IS NULL
EXEC (N'CREATE TRIGGER dbo.tr_referral_legal_authority_append_only ON dbo.referral_legal_authority INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 51000, N''referral_legal_authority is append-only: records cannot be changed or deleted'', 1;
END');
