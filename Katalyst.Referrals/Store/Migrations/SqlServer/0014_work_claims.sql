-- Work shared by several portal instances on one store (issue 9): media analysis and routing. A file is analysed,
-- and a referral routed, by whichever instance claims it here first. A claim is a lease (claimed_by, claimed_until)
-- like the scoring outbox's: another instance skips the work while the claim holds and may take it over once the
-- claim lapses (the holder crashed). The claim is deleted in the transaction that stores the result, and only its
-- holder may store that result. There is no row for work nobody is doing, so the tables stay as small as the work
-- in flight.
IF OBJECT_ID(N'dbo.file_analysis_claims', N'U') IS NULL
CREATE TABLE dbo.file_analysis_claims (
    report_id     BIGINT         NOT NULL,
    file_id       NVARCHAR(256)  NOT NULL,
    claimed_by    NVARCHAR(200)  NOT NULL,
    claimed_until DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_file_analysis_claims PRIMARY KEY (report_id, file_id),
    CONSTRAINT fk_file_analysis_claims_file FOREIGN KEY (report_id, file_id) REFERENCES dbo.referral_files (report_id, file_id)
);

-- Routing shared the same way: a referral is located and routed by whichever instance claims it here first (before,
-- two instances located the same referrals and the second's transaction failed on referral_locations' key).
IF OBJECT_ID(N'dbo.referral_routing_claims', N'U') IS NULL
CREATE TABLE dbo.referral_routing_claims (
    report_id     BIGINT         NOT NULL CONSTRAINT pk_referral_routing_claims PRIMARY KEY
                                 CONSTRAINT fk_referral_routing_claims_referral REFERENCES dbo.referrals (report_id),
    claimed_by    NVARCHAR(200)  NOT NULL,
    claimed_until DATETIMEOFFSET NOT NULL
);
