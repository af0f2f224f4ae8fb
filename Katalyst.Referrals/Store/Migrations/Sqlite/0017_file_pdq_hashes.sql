-- PDQ near-match links (issue 6): every analysed file's usable PDQ (quality 50 or more, upstream's rule) in the order
-- the analyses were stored. The process that stores analyses keeps these in memory as a near-neighbour index and
-- reads only the rows after the last seq it has seen, so analyses other portal instances stored join it incrementally.
-- A row is written in the transaction that stores its analysis, which also gives the referral its pdq identifiers
-- (through linking_outbox). Analyses stored before this migration are listed too, so new pictures near-match them;
-- their referrals carry no pdq identifier of their own (their identifiers are not backfilled).
CREATE TABLE IF NOT EXISTS file_pdq_hashes (
    seq       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    report_id INTEGER NOT NULL,
    file_id   TEXT    NOT NULL,
    pdq       TEXT    NOT NULL,
    UNIQUE (report_id, file_id),
    FOREIGN KEY (report_id, file_id) REFERENCES file_analysis (report_id, file_id)
);

INSERT INTO file_pdq_hashes (report_id, file_id, pdq)
SELECT a.report_id, a.file_id, a.pdq
FROM file_analysis a
WHERE a.pdq IS NOT NULL AND a.quality >= 50
  AND NOT EXISTS (SELECT 1 FROM file_pdq_hashes h WHERE h.report_id = a.report_id AND h.file_id = a.file_id)
ORDER BY a.analysed_at, a.report_id, a.file_id;
