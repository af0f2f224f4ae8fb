-- Linking (issue 6): the identifiers of every referral, how many referrals carry each, the subjects referrals are
-- grouped into, and every link with the identifier that made it. Kinds are text (email, phone, ip, sha256, ...):
-- a new kind such as pdq needs no schema change.

-- One row per referral and distinct (kind, value); the first occurrence's surface form and place are kept.
IF OBJECT_ID(N'dbo.referral_identifiers', N'U') IS NULL
CREATE TABLE dbo.referral_identifiers (
    report_id BIGINT         NOT NULL CONSTRAINT fk_referral_identifiers_referral REFERENCES dbo.referrals (report_id),
    kind      NVARCHAR(40)   NOT NULL,
    value     NVARCHAR(400)  NOT NULL,
    surface   NVARCHAR(1000) NOT NULL,
    source    NVARCHAR(400)  NOT NULL,
    detail    NVARCHAR(400)  NULL,
    CONSTRAINT pk_referral_identifiers PRIMARY KEY (report_id, kind, value)
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_identifiers_value')
CREATE INDEX ix_referral_identifiers_value ON dbo.referral_identifiers (kind, value, report_id);

-- How many distinct referrals carry each identifier: what decides whether it is too common to link.
IF OBJECT_ID(N'dbo.identifier_counts', N'U') IS NULL
CREATE TABLE dbo.identifier_counts (
    kind           NVARCHAR(40)  NOT NULL,
    value          NVARCHAR(400) NOT NULL,
    referral_count INT           NOT NULL,
    CONSTRAINT pk_identifier_counts PRIMARY KEY (kind, value)
);

-- Kept by the store itself, so no writer can add an identifier without counting it.
-- CREATE TRIGGER must open its own batch; the migration runs as one batch, so it goes through EXEC.
IF OBJECT_ID(N'dbo.tr_referral_identifiers_count', N'TR') IS NULL
EXEC (N'CREATE TRIGGER dbo.tr_referral_identifiers_count ON dbo.referral_identifiers AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    MERGE dbo.identifier_counts WITH (HOLDLOCK) AS c
    USING (SELECT kind, value, COUNT(*) AS n FROM inserted GROUP BY kind, value) AS i
    ON c.kind = i.kind AND c.value = i.value
    WHEN MATCHED THEN UPDATE SET referral_count = c.referral_count + i.n
    WHEN NOT MATCHED THEN INSERT (kind, value, referral_count) VALUES (i.kind, i.value, i.n);
END');

-- A subject: one suspect as far as the links show. Ids only grow, so the lower id is the older subject.
IF OBJECT_ID(N'dbo.subjects', N'U') IS NULL
CREATE TABLE dbo.subjects (
    subject_id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_subjects PRIMARY KEY,
    created_at DATETIMEOFFSET        NOT NULL
);

-- Every stored referral belongs to exactly one subject (its own when linked to nothing).
IF OBJECT_ID(N'dbo.referral_subjects', N'U') IS NULL
CREATE TABLE dbo.referral_subjects (
    report_id  BIGINT NOT NULL CONSTRAINT pk_referral_subjects PRIMARY KEY
                      CONSTRAINT fk_referral_subjects_referral REFERENCES dbo.referrals (report_id),
    subject_id BIGINT NOT NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_subjects_subject')
CREATE INDEX ix_referral_subjects_subject ON dbo.referral_subjects (subject_id, report_id);

-- Why two referrals are one subject: the identifier they share. A link through an identifier that later became
-- too common is kept, marked retracted (when, and how many referrals carried it then), and no longer groups.
IF OBJECT_ID(N'dbo.referral_links', N'U') IS NULL
CREATE TABLE dbo.referral_links (
    link_id         BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_referral_links PRIMARY KEY,
    report_a        BIGINT                NOT NULL CONSTRAINT fk_referral_links_a REFERENCES dbo.referrals (report_id),
    report_b        BIGINT                NOT NULL CONSTRAINT fk_referral_links_b REFERENCES dbo.referrals (report_id),
    kind            NVARCHAR(40)          NOT NULL,
    value           NVARCHAR(400)         NOT NULL,
    linked_at       DATETIMEOFFSET        NOT NULL,
    retracted_at    DATETIMEOFFSET        NULL,
    retracted_count INT                   NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_links_value')
CREATE INDEX ix_referral_links_value ON dbo.referral_links (kind, value) WHERE retracted_at IS NULL;

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_links_a')
CREATE INDEX ix_referral_links_a ON dbo.referral_links (report_a, report_b);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_links_b')
CREATE INDEX ix_referral_links_b ON dbo.referral_links (report_b, report_a);

-- Identifiers a referral carries that did not link because too many referrals carry them (the portal says so).
IF OBJECT_ID(N'dbo.referral_ignored_identifiers', N'U') IS NULL
CREATE TABLE dbo.referral_ignored_identifiers (
    report_id      BIGINT         NOT NULL CONSTRAINT fk_referral_ignored_identifiers_referral REFERENCES dbo.referrals (report_id),
    kind           NVARCHAR(40)   NOT NULL,
    value          NVARCHAR(400)  NOT NULL,
    referral_count INT            NOT NULL,
    recorded_at    DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_referral_ignored_identifiers PRIMARY KEY (report_id, kind, value)
);

-- Referrals stored before linking each become their own subject (their identifiers are not backfilled: linking
-- starts with the referrals imported from now on). The tables above are new and empty here.
IF NOT EXISTS (SELECT 1 FROM dbo.subjects) AND NOT EXISTS (SELECT 1 FROM dbo.referral_subjects)
BEGIN
    SET IDENTITY_INSERT dbo.subjects ON;
    INSERT INTO dbo.subjects (subject_id, created_at)
    SELECT ROW_NUMBER() OVER (ORDER BY report_id), imported_at FROM dbo.referrals;
    SET IDENTITY_INSERT dbo.subjects OFF;
    INSERT INTO dbo.referral_subjects (report_id, subject_id)
    SELECT report_id, ROW_NUMBER() OVER (ORDER BY report_id) FROM dbo.referrals;
END;
