-- Geography and routing (issue 6): where each referral's suspect appears to be, which source said so, the unit
-- it was routed to and why; and the admin's routing rules (province, optionally one district of it, to a unit;
-- the province '*' is the fallback unit for referrals no other rule places).
CREATE TABLE IF NOT EXISTS routing_rules (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    province   TEXT    NOT NULL COLLATE NOCASE,
    -- '' = the whole province.
    district   TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    created_at TEXT    NOT NULL,
    created_by TEXT    NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_routing_rules_place ON routing_rules (province, district);

CREATE TABLE IF NOT EXISTS referral_locations (
    report_id      INTEGER NOT NULL PRIMARY KEY REFERENCES referrals (report_id),
    country        TEXT    NULL,
    province       TEXT    NULL,
    district       TEXT    NULL,
    source         TEXT    NOT NULL,
    evidence       TEXT    NOT NULL,
    phone_operator TEXT    NULL,
    unit_id        INTEGER NULL,
    route_reason   TEXT    NOT NULL,
    routed_at      TEXT    NOT NULL
);

-- The queue filters by province as it does by unit.
ALTER TABLE referral_queue ADD COLUMN province TEXT NULL COLLATE NOCASE;
CREATE INDEX IF NOT EXISTS ix_referral_queue_province ON referral_queue (province, queue_tier, score DESC, received_at, report_id);
