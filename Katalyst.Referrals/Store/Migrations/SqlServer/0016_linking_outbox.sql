-- Linking off the import's critical path (issue 6): the writer stores a referral as its own subject and leaves its
-- identifiers here (the JSON the linker's InsertIdentifiers reads), in the referral's own savepoint; a linking run
-- then links waiting referrals strictly in seq order (link results depend on order) and deletes each row in the
-- transaction that linked it. While a referral has a row here, scoring waits for it (linked_referrals and
-- linked_max_tier are scoring signals). Referrals stored earlier were linked as they were stored: nothing to backfill.
IF OBJECT_ID(N'dbo.linking_outbox', N'U') IS NULL
CREATE TABLE dbo.linking_outbox (
    seq         BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_linking_outbox PRIMARY KEY,
    report_id   BIGINT         NOT NULL CONSTRAINT uq_linking_outbox_report UNIQUE
                               CONSTRAINT fk_linking_outbox_referral REFERENCES dbo.referrals (report_id),
    identifiers NVARCHAR(MAX)  NOT NULL,
    enqueued_at DATETIMEOFFSET NOT NULL
);
