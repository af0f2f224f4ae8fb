-- Media analysis shared by several portal instances on one store (issue 9): a file is analysed by whichever instance
-- claims it here first. A claim is a lease (claimed_by, claimed_until) like the scoring outbox's: another instance
-- skips a file while its claim holds and may take it over once the claim lapses (the holder crashed). The row goes
-- in the transaction that stores the file's analysis, and only its holder may store that analysis. There is no row
-- for a file nobody is analysing, so the table stays as small as the work in flight.
CREATE TABLE IF NOT EXISTS file_analysis_claims (
    report_id     INTEGER NOT NULL,
    file_id       TEXT    NOT NULL,
    claimed_by    TEXT    NOT NULL,
    claimed_until TEXT    NOT NULL,
    PRIMARY KEY (report_id, file_id),
    FOREIGN KEY (report_id, file_id) REFERENCES referral_files (report_id, file_id)
);
