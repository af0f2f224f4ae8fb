-- Referrals as received: one row per CyberTipline report, its files, the evidence they point at,
-- and every intake outcome that was not a clean import (nothing is lost).
CREATE TABLE IF NOT EXISTS referrals (
    report_id        INTEGER NOT NULL PRIMARY KEY,
    received_at      TEXT    NOT NULL,
    report_type      TEXT    NOT NULL,
    ncmec_priority   TEXT    NULL,
    country          TEXT    NOT NULL,
    incident_type    TEXT    NOT NULL,
    incident_at      TEXT    NOT NULL,
    platform         TEXT    NULL,
    escalated        INTEGER NOT NULL,
    file_count       INTEGER NOT NULL,
    bundled_count    INTEGER NULL,
    package_sha256   TEXT    NOT NULL,
    manifest_json    TEXT    NOT NULL,
    report_xml       TEXT    NOT NULL,
    imported_at      TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_referrals_received ON referrals (received_at DESC, report_id DESC);

CREATE TABLE IF NOT EXISTS evidence (
    sha256           TEXT    NOT NULL PRIMARY KEY,
    md5              TEXT    NOT NULL,
    sha1             TEXT    NOT NULL,
    byte_length      INTEGER NOT NULL,
    first_seen_at    TEXT    NOT NULL
);

CREATE TABLE IF NOT EXISTS referral_files (
    report_id          INTEGER NOT NULL REFERENCES referrals (report_id),
    file_id            TEXT    NOT NULL,
    original_file_name TEXT    NULL,
    details_xml        TEXT    NULL,
    bytes_name         TEXT    NULL,
    sha256             TEXT    NULL REFERENCES evidence (sha256),
    esp_hash_mismatch  INTEGER NOT NULL,
    viewed_by_esp      INTEGER NULL,
    publicly_available INTEGER NULL,
    PRIMARY KEY (report_id, file_id)
);

CREATE INDEX IF NOT EXISTS ix_referral_files_sha256 ON referral_files (sha256);

CREATE TABLE IF NOT EXISTS intake_log (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    logged_at    TEXT    NOT NULL,
    outcome      TEXT    NOT NULL,
    package      TEXT    NOT NULL,
    report_id    INTEGER NULL,
    file_name    TEXT    NULL,
    line_number  INTEGER NULL,
    element      TEXT    NULL,
    reason       TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_intake_log_report ON intake_log (report_id);
