-- Geography and routing (issue 6): where each referral's suspect appears to be, which source said so, the unit
-- it was routed to and why; and the admin's routing rules (province, optionally one district of it, to a unit;
-- the province '*' is the fallback unit for referrals no other rule places).
IF OBJECT_ID(N'dbo.routing_rules', N'U') IS NULL
CREATE TABLE dbo.routing_rules (
    id         BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_routing_rules PRIMARY KEY,
    province   NVARCHAR(200)  NOT NULL,
    -- '' = the whole province.
    district   NVARCHAR(200)  NOT NULL CONSTRAINT df_routing_rules_district DEFAULT N'',
    unit_id    INT            NOT NULL CONSTRAINT fk_routing_rules_unit REFERENCES dbo.units (id),
    created_at DATETIMEOFFSET NOT NULL,
    created_by NVARCHAR(256)  NOT NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ux_routing_rules_place')
CREATE UNIQUE INDEX ux_routing_rules_place ON dbo.routing_rules (province, district);

IF OBJECT_ID(N'dbo.referral_locations', N'U') IS NULL
CREATE TABLE dbo.referral_locations (
    report_id      BIGINT         NOT NULL CONSTRAINT pk_referral_locations PRIMARY KEY
                                  CONSTRAINT fk_referral_locations_referral REFERENCES dbo.referrals (report_id),
    country        NVARCHAR(8)    NULL,
    province       NVARCHAR(200)  NULL,
    district       NVARCHAR(200)  NULL,
    source         NVARCHAR(32)   NOT NULL,
    evidence       NVARCHAR(400)  NOT NULL,
    phone_operator NVARCHAR(100)  NULL,
    unit_id        INT            NULL,
    route_reason   NVARCHAR(400)  NOT NULL,
    routed_at      DATETIMEOFFSET NOT NULL
);

-- The queue filters by province as it does by unit. The migration runs as one batch, so the index on the new
-- column is created through EXEC (compiled after the column exists).
IF COL_LENGTH(N'dbo.referral_queue', N'province') IS NULL
ALTER TABLE dbo.referral_queue ADD province NVARCHAR(200) NULL;

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_referral_queue_province')
EXEC (N'CREATE INDEX ix_referral_queue_province ON dbo.referral_queue (province, queue_tier, score DESC, received_at, report_id)');
