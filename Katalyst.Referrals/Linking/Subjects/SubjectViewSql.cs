namespace Katalyst.Referrals.Linking.Subjects;

/// <summary>The SQL behind <see cref="SubjectViewQuery"/>: a subject's members, identifiers, links and ignored identifiers.</summary>
internal static class SubjectViewSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string SubjectOf = """
            SELECT subject_id FROM referral_subjects WHERE report_id = @ReportId
            """;

        // Each member with its work state and who holds it (names read here, so the page needs no second look-up).
        public const string Members = """
            SELECT s.report_id AS ReportId, r.received_at AS ReceivedAt,
                   COALESCE(q.tier_override, q.scored_tier) AS Tier, COALESCE(q.status, 'new') AS StatusCode,
                   q.assignee_user_id AS AssigneeUserId, u.display_name AS AssigneeName,
                   q.unit_id AS UnitId, n.code AS UnitCode
            FROM referral_subjects s
            JOIN referrals r ON r.report_id = s.report_id
            LEFT JOIN referral_queue q ON q.report_id = s.report_id
            LEFT JOIN users u ON u.id = q.assignee_user_id
            LEFT JOIN units n ON n.id = q.unit_id
            WHERE s.subject_id = @SubjectId
            ORDER BY r.received_at, s.report_id
            """;

        public const string Identifiers = """
            SELECT i.report_id AS ReportId, i.kind AS Kind, i.value AS Value
            FROM referral_subjects s
            JOIN referral_identifiers i ON i.report_id = s.report_id
            WHERE s.subject_id = @SubjectId
            """;

        // Links in force between members (a link always joins two members of one subject); the newer end is report_b.
        public const string Links = """
            SELECT l.report_a AS ReportA, l.report_b AS ReportB, l.kind AS Kind, l.value AS Value, l.linked_at AS LinkedAt
            FROM referral_subjects s
            JOIN referral_links l ON l.report_b = s.report_id
            WHERE s.subject_id = @SubjectId AND l.retracted_at IS NULL
            ORDER BY l.link_id
            """;

        // What the members carry that was too common to link, with how many referrals carry it today.
        public const string Ignored = """
            SELECT g.report_id AS ReportId, g.kind AS Kind, g.value AS Value,
                   COALESCE(c.referral_count, g.referral_count) AS ReferralCount
            FROM referral_subjects s
            JOIN referral_ignored_identifiers g ON g.report_id = s.report_id
            LEFT JOIN identifier_counts c ON c.kind = g.kind AND c.value = g.value
            WHERE s.subject_id = @SubjectId
            """;
    }
}
