PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
CREATE TEMP TABLE n AS WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000) SELECT i FROM c;
INSERT INTO referrals (report_id, received_at, report_type, ncmec_priority, country, incident_type, incident_at, platform,
                       escalated, file_count, bundled_count, package_sha256, manifest_json, report_xml, imported_at)
SELECT 2000000000 + i, '2025-01-01T00:00:00.0000000Z', 'referral', '3', 'PK', 'bulk', '2025-01-01T00:00:00.0000000Z', NULL,
       0, 1, NULL, printf('%064x', i), '{}', '<report/>', '2025-01-01T00:00:00.0000000Z' FROM n;
INSERT INTO subjects (subject_id, created_at) SELECT 1000 + i, '2025-01-01T00:00:00.0000000Z' FROM n;
INSERT INTO referral_subjects (report_id, subject_id) SELECT 2000000000 + i, 1000 + i FROM n;
-- Four identifiers a referral, each carried by one bulk referral: email, phone, a file's SHA-256, its own report number.
INSERT INTO referral_identifiers (report_id, kind, value, surface, source)
SELECT 2000000000 + i, 'email', 'bulk' || i || '@example.com', 'bulk' || i || '@example.com', 'bulk' FROM n;
INSERT INTO referral_identifiers (report_id, kind, value, surface, source)
SELECT 2000000000 + i, 'phone', '+9233' || printf('%08d', i), '+9233' || printf('%08d', i), 'bulk' FROM n;
INSERT INTO referral_identifiers (report_id, kind, value, surface, source)
SELECT 2000000000 + i, 'sha256', printf('%064x', i * 7919), printf('%064x', i * 7919), 'bulk' FROM n;
INSERT INTO referral_identifiers (report_id, kind, value, surface, source)
SELECT 2000000000 + i, 'ct-report', CAST(2000000000 + i AS TEXT), CAST(2000000000 + i AS TEXT), 'bulk' FROM n;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
