-- Media signals (issue 7): per analysed file, a summary of what the media models saw (Media.Analyze's ImageSignals),
-- written in the transaction that stores the file's analysis, once. The five nsfwjs probabilities, how many faces and
-- the most confident one's score, the face with the highest apparent-minor probability (that probability, its face
-- score and apparent age), and the 1280-d embedding as float32 little-endian (5,120 bytes) for "similar to"
-- clustering. For a video each value is the maximum over its sampled frames (frames says how many). When the models
-- did not run on a decoded picture, only problem is set (why). Signals for a person, never findings.
IF OBJECT_ID(N'dbo.file_media_signals', N'U') IS NULL
CREATE TABLE dbo.file_media_signals (
    report_id           BIGINT          NOT NULL,
    file_id             NVARCHAR(256)   NOT NULL,
    frames              INT             NOT NULL,
    drawing             REAL            NULL,
    hentai              REAL            NULL,
    neutral             REAL            NULL,
    porn                REAL            NULL,
    sexy                REAL            NULL,
    face_count          INT             NULL,
    top_face_score      REAL            NULL,
    minor_probability   REAL            NULL,
    minor_face_score    REAL            NULL,
    minor_apparent_age  REAL            NULL,
    embedding           VARBINARY(8000) NULL,
    problem             NVARCHAR(2000)  NULL,
    CONSTRAINT pk_file_media_signals PRIMARY KEY (report_id, file_id),
    CONSTRAINT fk_file_media_signals_analysis FOREIGN KEY (report_id, file_id) REFERENCES dbo.file_analysis (report_id, file_id)
);
