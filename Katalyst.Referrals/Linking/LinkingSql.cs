namespace Katalyst.Referrals.Linking;

/// <summary>The SQL behind <see cref="ReferralLinker"/> and <see cref="SubjectQueries"/>.</summary>
internal static class LinkingSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string Carriers = """
            SELECT report_id FROM referral_identifiers WHERE kind = @Kind AND value = @Value
            """;

        public const string SubjectOf = """
            SELECT subject_id FROM referral_subjects WHERE report_id = @ReportId
            """;

        public const string InsertLink = """
            INSERT INTO referral_links (report_a, report_b, kind, value, linked_at)
            VALUES (@ReportA, @ReportB, @Kind, @Value, @LinkedAt)
            """;

        // The links that made groups through an identifier now too common: kept for the record, no longer grouping.
        public const string RetractLinks = """
            UPDATE referral_links SET retracted_at = @RetractedAt, retracted_count = @ReferralCount
            WHERE kind = @Kind AND value = @Value AND retracted_at IS NULL
            """;

        public const string SubjectsLinkedThrough = """
            SELECT DISTINCT s.subject_id
            FROM referral_identifiers i
            JOIN referral_subjects s ON s.report_id = i.report_id
            WHERE i.kind = @Kind AND i.value = @Value
            """;

        public const string Members = """
            SELECT report_id FROM referral_subjects WHERE subject_id = @SubjectId
            """;

        // Links between members are the only links a subject has: every link unites its two ends.
        public const string ActiveLinksOfSubject = """
            SELECT l.report_a AS ReportA, l.report_b AS ReportB
            FROM referral_subjects s
            JOIN referral_links l ON l.report_a = s.report_id
            WHERE s.subject_id = @SubjectId AND l.retracted_at IS NULL
            """;

        public const string MoveMember = """
            UPDATE referral_subjects SET subject_id = @SubjectId WHERE report_id = @ReportId
            """;

        // A merge: the newer subject's members join the older, and the newer subject is gone.
        public const string MergeSubject = """
            UPDATE referral_subjects SET subject_id = @Into WHERE subject_id = @From;
            DELETE FROM subjects WHERE subject_id = @From
            """;

        public const string ExportSubjects = """
            SELECT r.report_id AS ReportId, s.subject_id AS SubjectId
            FROM referrals r
            LEFT JOIN referral_subjects s ON s.report_id = r.report_id
            ORDER BY r.report_id
            """;

        // How many other referrals share this one's subject, and the most urgent tier among them (1 is most
        // urgent; a supervisor's override counts; unscored referrals have none).
        public const string LinkedSummary = """
            SELECT COUNT(m.report_id) AS LinkedReferrals, MIN(COALESCE(q.tier_override, q.scored_tier)) AS LinkedMaxTier
            FROM referral_subjects s
            JOIN referral_subjects m ON m.subject_id = s.subject_id AND m.report_id <> s.report_id
            LEFT JOIN referral_queue q ON q.report_id = m.report_id
            WHERE s.report_id = @ReportId
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        // Every identifier of the new referral that another referral carries too, with its count and, only when no
        // more referrals carry it than its own kind's threshold (@Thresholds: [{k, t}]), each other carrier and that
        // carrier's subject. An identifier over its threshold cannot link, so its carriers are never read. The
        // thresholds are read into a table once per statement (MATERIALIZED), not parsed again for every identifier.
        public const string SharedIdentifiers = """
            WITH t (kind, threshold) AS MATERIALIZED (SELECT j.value ->> 'k', j.value ->> 't' FROM json_each(@Thresholds) j)
            SELECT i.kind AS Kind, i.value AS Value, c.referral_count AS ReferralCount,
                   o.report_id AS OtherReportId, s.subject_id AS OtherSubjectId
            FROM referral_identifiers i
            JOIN identifier_counts c ON c.kind = i.kind AND c.value = i.value
            LEFT JOIN t ON t.kind = i.kind
            LEFT JOIN referral_identifiers o
                   ON c.referral_count <= t.threshold AND o.kind = i.kind AND o.value = i.value AND o.report_id <> i.report_id
            LEFT JOIN referral_subjects s ON s.report_id = o.report_id
            WHERE i.report_id = @ReportId AND c.referral_count > 1
            """;

        // The referral's identifiers arrive as one JSON array of {k, v, s, o, d}: one statement per referral.
        public const string InsertIdentifiers = """
            INSERT INTO referral_identifiers (report_id, kind, value, surface, source, detail)
            SELECT @ReportId, j.value ->> 'k', j.value ->> 'v', j.value ->> 's', j.value ->> 'o', j.value ->> 'd'
            FROM json_each(@Identifiers) j
            """;

        // Every referral starts as its own subject; links then merge it into the older one.
        public const string InsertSubject = """
            INSERT INTO subjects (created_at) VALUES (@CreatedAt);
            INSERT INTO referral_subjects (report_id, subject_id) VALUES (@ReportId, last_insert_rowid()) RETURNING subject_id
            """;

        public const string NewSubject = """
            INSERT INTO subjects (created_at) VALUES (@CreatedAt) RETURNING subject_id
            """;

        // Every identifier ignored as too common in one statement, as {r, k, v, c}; one already recorded is left as it is.
        public const string InsertIgnored = """
            INSERT INTO referral_ignored_identifiers (report_id, kind, value, referral_count, recorded_at)
            SELECT j.value ->> 'r', j.value ->> 'k', j.value ->> 'v', j.value ->> 'c', @RecordedAt
            FROM json_each(@Ignored) j
            WHERE NOT EXISTS (SELECT 1 FROM referral_ignored_identifiers g
                              WHERE g.report_id = j.value ->> 'r' AND g.kind = j.value ->> 'k' AND g.value = j.value ->> 'v')
            """;

        public const string InsertLinks = """
            INSERT INTO referral_links (report_a, report_b, kind, value, linked_at)
            SELECT j.value ->> 'a', @ReportId, j.value ->> 'k', j.value ->> 'v', @LinkedAt
            FROM json_each(@Links) j
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string SharedIdentifiers = """
            SELECT i.kind AS Kind, i.value AS Value, c.referral_count AS ReferralCount,
                   o.report_id AS OtherReportId, s.subject_id AS OtherSubjectId
            FROM referral_identifiers i
            JOIN identifier_counts c ON c.kind = i.kind AND c.value = i.value
            LEFT JOIN OPENJSON(@Thresholds) WITH (k NVARCHAR(40), t INT) AS t ON t.k = i.kind
            LEFT JOIN referral_identifiers o
                   ON c.referral_count <= t.t AND o.kind = i.kind AND o.value = i.value AND o.report_id <> i.report_id
            LEFT JOIN referral_subjects s ON s.report_id = o.report_id
            WHERE i.report_id = @ReportId AND c.referral_count > 1
            """;

        public const string InsertIdentifiers = """
            INSERT INTO referral_identifiers (report_id, kind, value, surface, source, detail)
            SELECT @ReportId, j.k, j.v, j.s, j.o, j.d
            FROM OPENJSON(@Identifiers) WITH (k NVARCHAR(40), v NVARCHAR(400), s NVARCHAR(1000), o NVARCHAR(400), d NVARCHAR(400)) AS j
            """;

        public const string InsertSubject = """
            INSERT INTO subjects (created_at) VALUES (@CreatedAt);
            INSERT INTO referral_subjects (report_id, subject_id) OUTPUT INSERTED.subject_id VALUES (@ReportId, SCOPE_IDENTITY())
            """;

        public const string NewSubject = """
            INSERT INTO subjects (created_at) OUTPUT INSERTED.subject_id VALUES (@CreatedAt)
            """;

        public const string InsertIgnored = """
            INSERT INTO referral_ignored_identifiers (report_id, kind, value, referral_count, recorded_at)
            SELECT j.r, j.k, j.v, j.c, @RecordedAt
            FROM OPENJSON(@Ignored) WITH (r BIGINT, k NVARCHAR(40), v NVARCHAR(400), c INT) AS j
            WHERE NOT EXISTS (SELECT 1 FROM referral_ignored_identifiers g WHERE g.report_id = j.r AND g.kind = j.k AND g.value = j.v)
            """;

        public const string InsertLinks = """
            INSERT INTO referral_links (report_a, report_b, kind, value, linked_at)
            SELECT j.a, @ReportId, j.k, j.v, @LinkedAt
            FROM OPENJSON(@Links) WITH (a BIGINT, k NVARCHAR(40), v NVARCHAR(400)) AS j
            """;
    }
}
