-- The referral workflow (issue 4): notes, every status move with who made it and why, and the labels people give
-- a referral (a supervisor's tier override with its reason) for `katalyst train` to learn from later. The reason
-- a referral was closed or referred onward is the reason of its latest move into that status. Append-only by use:
-- the portal only ever inserts here.
IF OBJECT_ID(N'dbo.referral_notes', N'U') IS NULL
CREATE TABLE dbo.referral_notes (
    id          BIGINT         NOT NULL IDENTITY(1, 1) CONSTRAINT pk_referral_notes PRIMARY KEY,
    report_id   BIGINT         NOT NULL CONSTRAINT fk_referral_notes_referral REFERENCES dbo.referrals (report_id),
    at          DATETIMEOFFSET NOT NULL,
    user_name   NVARCHAR(256)  NOT NULL,
    text        NVARCHAR(4000) NOT NULL
);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_notes_report')
CREATE INDEX ix_referral_notes_report ON dbo.referral_notes (report_id, id);

IF OBJECT_ID(N'dbo.referral_status_history', N'U') IS NULL
CREATE TABLE dbo.referral_status_history (
    id          BIGINT         NOT NULL IDENTITY(1, 1) CONSTRAINT pk_referral_status_history PRIMARY KEY,
    report_id   BIGINT         NOT NULL CONSTRAINT fk_referral_status_history_referral REFERENCES dbo.referrals (report_id),
    at          DATETIMEOFFSET NOT NULL,
    user_name   NVARCHAR(256)  NOT NULL,
    from_status NVARCHAR(16)   NOT NULL,
    to_status   NVARCHAR(16)   NOT NULL CONSTRAINT ck_referral_status_history_to
                CHECK (to_status IN (N'new', N'in_review', N'assigned', N'investigating', N'referred_onward', N'closed')),
    reason      NVARCHAR(500)  NULL
);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_status_history_report')
CREATE INDEX ix_referral_status_history_report ON dbo.referral_status_history (report_id, id);

IF OBJECT_ID(N'dbo.referral_labels', N'U') IS NULL
CREATE TABLE dbo.referral_labels (
    id          BIGINT         NOT NULL IDENTITY(1, 1) CONSTRAINT pk_referral_labels PRIMARY KEY,
    report_id   BIGINT         NOT NULL CONSTRAINT fk_referral_labels_referral REFERENCES dbo.referrals (report_id),
    at          DATETIMEOFFSET NOT NULL,
    user_name   NVARCHAR(256)  NOT NULL,
    kind        NVARCHAR(32)   NOT NULL CONSTRAINT ck_referral_labels_kind CHECK (kind IN (N'tier-override')),
    value       NVARCHAR(64)   NOT NULL,
    reason      NVARCHAR(500)  NOT NULL
);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_labels_kind')
CREATE INDEX ix_referral_labels_kind ON dbo.referral_labels (kind, report_id, id);
