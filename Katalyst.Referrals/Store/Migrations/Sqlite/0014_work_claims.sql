-- Work shared by several portal instances on one store (issue 9): media analysis and routing. A file is analysed,
-- and a referral routed, by whichever instance claims it here first. A claim is a lease (claimed_by, claimed_until)
-- like the scoring outbox's: another instance skips the work while the claim holds and may take it over once the
-- claim lapses (the holder crashed). The claim is deleted in the transaction that stores the result, and only its
-- holder may store that result. There is no row for work nobody is doing, so the tables stay as small as the work
-- in flight.
CREATE TABLE IF NOT EXISTS file_analysis_claims (
    report_id     INTEGER NOT NULL,
    file_id       TEXT    NOT NULL,
    claimed_by    TEXT    NOT NULL,
    claimed_until TEXT    NOT NULL,
    PRIMARY KEY (report_id, file_id),
    FOREIGN KEY (report_id, file_id) REFERENCES referral_files (report_id, file_id)
);

-- Routing shared the same way: a referral is located and routed by whichever instance claims it here first (before,
-- two instances located the same referrals and the second's transaction failed on referral_locations' key).
CREATE TABLE IF NOT EXISTS referral_routing_claims (
    report_id     INTEGER NOT NULL PRIMARY KEY REFERENCES referrals (report_id),
    claimed_by    TEXT    NOT NULL,
    claimed_until TEXT    NOT NULL
);
