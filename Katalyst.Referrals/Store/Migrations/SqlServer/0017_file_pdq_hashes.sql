-- PDQ near-match links (issue 6): every analysed file's usable PDQ (quality 50 or more, upstream's rule) in the order
-- the analyses were stored. The process that stores analyses keeps these in memory as a near-neighbour index and
-- reads only the rows after the last seq it has seen, so analyses other portal instances stored join it incrementally
-- (rows are written under the application lock katalyst-linking-outbox, so seq order is commit order).
-- A row is written in the transaction that stores its analysis, which also gives the referral its pdq identifiers
-- (through linking_outbox). Analyses stored before this migration are listed too, so new pictures near-match them;
-- their referrals carry no pdq identifier of their own (their identifiers are not backfilled).
IF OBJECT_ID(N'dbo.file_pdq_hashes', N'U') IS NULL
CREATE TABLE dbo.file_pdq_hashes (
    seq       BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_file_pdq_hashes PRIMARY KEY,
    report_id BIGINT        NOT NULL,
    file_id   NVARCHAR(256) NOT NULL,
    pdq       CHAR(64)      NOT NULL,
    CONSTRAINT uq_file_pdq_hashes_file UNIQUE (report_id, file_id),
    CONSTRAINT fk_file_pdq_hashes_analysis FOREIGN KEY (report_id, file_id) REFERENCES dbo.file_analysis (report_id, file_id)
);

INSERT INTO dbo.file_pdq_hashes (report_id, file_id, pdq)
SELECT a.report_id, a.file_id, a.pdq
FROM dbo.file_analysis a
WHERE a.pdq IS NOT NULL AND a.quality >= 50
  AND NOT EXISTS (SELECT 1 FROM dbo.file_pdq_hashes h WHERE h.report_id = a.report_id AND h.file_id = a.file_id)
ORDER BY a.analysed_at, a.report_id, a.file_id;
