-- Referrals as received: one row per CyberTipline report, its files, the evidence they point at,
-- and every intake outcome that was not a clean import (nothing is lost).
IF OBJECT_ID(N'dbo.referrals', N'U') IS NULL
CREATE TABLE dbo.referrals (
    report_id        BIGINT         NOT NULL CONSTRAINT pk_referrals PRIMARY KEY,
    received_at      DATETIMEOFFSET NOT NULL,
    report_type      NVARCHAR(32)   NOT NULL,
    ncmec_priority   NVARCHAR(4)    NULL,
    country          NCHAR(2)       NOT NULL,
    incident_type    NVARCHAR(128)  NOT NULL,
    incident_at      DATETIMEOFFSET NOT NULL,
    platform         NVARCHAR(400)  NULL,
    escalated        BIT            NOT NULL,
    file_count       INT            NOT NULL,
    bundled_count    INT            NULL,
    package_sha256   CHAR(64)       NOT NULL,
    manifest_json    NVARCHAR(MAX)  NOT NULL,
    report_xml       NVARCHAR(MAX)  NOT NULL,
    imported_at      DATETIMEOFFSET NOT NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referrals_received')
CREATE INDEX ix_referrals_received ON dbo.referrals (received_at DESC, report_id DESC);

IF OBJECT_ID(N'dbo.evidence', N'U') IS NULL
CREATE TABLE dbo.evidence (
    sha256           CHAR(64)       NOT NULL CONSTRAINT pk_evidence PRIMARY KEY,
    md5              CHAR(32)       NOT NULL,
    sha1             CHAR(40)       NOT NULL,
    byte_length      BIGINT         NOT NULL,
    first_seen_at    DATETIMEOFFSET NOT NULL
);

IF OBJECT_ID(N'dbo.referral_files', N'U') IS NULL
CREATE TABLE dbo.referral_files (
    report_id          BIGINT        NOT NULL CONSTRAINT fk_referral_files_referral REFERENCES dbo.referrals (report_id),
    file_id            NVARCHAR(256) NOT NULL,
    original_file_name NVARCHAR(1024) NULL,
    details_xml        NVARCHAR(MAX) NULL,
    bytes_name         NVARCHAR(512) NULL,
    sha256             CHAR(64)      NULL CONSTRAINT fk_referral_files_evidence REFERENCES dbo.evidence (sha256),
    esp_hash_mismatch  BIT           NOT NULL,
    viewed_by_esp      BIT           NULL,
    publicly_available BIT           NULL,
    CONSTRAINT pk_referral_files PRIMARY KEY (report_id, file_id)
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_files_sha256')
CREATE INDEX ix_referral_files_sha256 ON dbo.referral_files (sha256);

IF OBJECT_ID(N'dbo.intake_log', N'U') IS NULL
CREATE TABLE dbo.intake_log (
    id           BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_intake_log PRIMARY KEY,
    logged_at    DATETIMEOFFSET NOT NULL,
    outcome      NVARCHAR(16)   NOT NULL,
    package      NVARCHAR(1024) NOT NULL,
    report_id    BIGINT         NULL,
    file_name    NVARCHAR(1024) NULL,
    line_number  INT            NULL,
    element      NVARCHAR(512)  NULL,
    reason       NVARCHAR(MAX)  NOT NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_intake_log_report')
CREATE INDEX ix_intake_log_report ON dbo.intake_log (report_id);
