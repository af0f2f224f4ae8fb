-- Media analysis (issue 5): one row per analysed referral file, written once (a file is never analysed twice into
-- different results). The bytes' hashes, PDQ and quality of images, and the verdict against the known-hash sets:
-- known (exact or PDQ within the set's radius), new (an image nothing matched), not-image or unreadable.
IF OBJECT_ID(N'dbo.file_analysis', N'U') IS NULL
CREATE TABLE dbo.file_analysis (
    report_id      BIGINT         NOT NULL,
    file_id        NVARCHAR(256)  NOT NULL,
    sha256         CHAR(64)       NOT NULL,
    md5            CHAR(32)       NOT NULL,
    sha1           CHAR(40)       NOT NULL,
    byte_length    BIGINT         NOT NULL,
    is_image       BIT            NOT NULL,
    image_problem  NVARCHAR(2000) NULL,
    pdq            CHAR(64)       NULL,
    quality        INT            NULL,
    verdict        NVARCHAR(16)   NOT NULL,
    match_set      NVARCHAR(200)  NULL,
    match_category NVARCHAR(200)  NULL,
    match_source   NVARCHAR(200)  NULL,
    match_type     NVARCHAR(8)    NULL,
    match_distance INT            NULL,
    analysed_at    DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_file_analysis PRIMARY KEY (report_id, file_id),
    CONSTRAINT fk_file_analysis_file FOREIGN KEY (report_id, file_id) REFERENCES dbo.referral_files (report_id, file_id)
);
