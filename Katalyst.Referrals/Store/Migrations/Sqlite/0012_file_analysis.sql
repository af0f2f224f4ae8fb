-- Media analysis (issue 5): one row per analysed referral file, written once (a file is never analysed twice into
-- different results). The bytes' hashes, PDQ and quality of images, and the verdict against the known-hash sets:
-- known (exact or PDQ within the set's radius), new (an image nothing matched), not-image or unreadable.
CREATE TABLE IF NOT EXISTS file_analysis (
    report_id      INTEGER NOT NULL,
    file_id        TEXT    NOT NULL,
    sha256         TEXT    NOT NULL,
    md5            TEXT    NOT NULL,
    sha1           TEXT    NOT NULL,
    byte_length    INTEGER NOT NULL,
    is_image       INTEGER NOT NULL,
    image_problem  TEXT    NULL,
    pdq            TEXT    NULL,
    quality        INTEGER NULL,
    verdict        TEXT    NOT NULL,
    match_set      TEXT    NULL,
    match_category TEXT    NULL,
    match_source   TEXT    NULL,
    match_type     TEXT    NULL,
    match_distance INTEGER NULL,
    analysed_at    TEXT    NOT NULL,
    PRIMARY KEY (report_id, file_id),
    FOREIGN KEY (report_id, file_id) REFERENCES referral_files (report_id, file_id)
);
