-- Media analysis shared by several portal instances on one store (issue 9): a file is analysed by whichever instance
-- claims it here first. A claim is a lease (claimed_by, claimed_until) like the scoring outbox's: another instance
-- skips a file while its claim holds and may take it over once the claim lapses (the holder crashed). The row goes
-- in the transaction that stores the file's analysis, and only its holder may store that analysis. There is no row
-- for a file nobody is analysing, so the table stays as small as the work in flight.
IF OBJECT_ID(N'dbo.file_analysis_claims', N'U') IS NULL
CREATE TABLE dbo.file_analysis_claims (
    report_id     BIGINT         NOT NULL,
    file_id       NVARCHAR(256)  NOT NULL,
    claimed_by    NVARCHAR(200)  NOT NULL,
    claimed_until DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_file_analysis_claims PRIMARY KEY (report_id, file_id),
    CONSTRAINT fk_file_analysis_claims_file FOREIGN KEY (report_id, file_id) REFERENCES dbo.referral_files (report_id, file_id)
);
