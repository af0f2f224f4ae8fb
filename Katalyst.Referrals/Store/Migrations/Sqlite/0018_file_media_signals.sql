-- Media signals (issue 7): per analysed file, a summary of what the media models saw (Media.Analyze's ImageSignals),
-- written in the transaction that stores the file's analysis, once. The five nsfwjs probabilities, how many faces and
-- the most confident one's score, the face with the highest apparent-minor probability (that probability, its face
-- score and apparent age), and the 1280-d embedding as float32 little-endian (5,120 bytes) for "similar to"
-- clustering. For a video each value is the maximum over its sampled frames (frames says how many). When the models
-- did not run on a decoded picture, only problem is set (why). Signals for a person, never findings.
CREATE TABLE IF NOT EXISTS file_media_signals (
    report_id           INTEGER NOT NULL,
    file_id             TEXT    NOT NULL,
    frames              INTEGER NOT NULL,
    drawing             REAL    NULL,
    hentai              REAL    NULL,
    neutral             REAL    NULL,
    porn                REAL    NULL,
    sexy                REAL    NULL,
    face_count          INTEGER NULL,
    top_face_score      REAL    NULL,
    minor_probability   REAL    NULL,
    minor_face_score    REAL    NULL,
    minor_apparent_age  REAL    NULL,
    embedding           BLOB    NULL,
    problem             TEXT    NULL,
    PRIMARY KEY (report_id, file_id),
    FOREIGN KEY (report_id, file_id) REFERENCES file_analysis (report_id, file_id)
);
