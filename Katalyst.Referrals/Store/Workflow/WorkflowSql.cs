namespace Katalyst.Referrals.Store.Workflow;

/// <summary>The SQL behind <see cref="WorkflowStore"/>.</summary>
internal static class WorkflowSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string SelectState = """
            SELECT report_id, status AS status_code, assignee_user_id, unit_id, scored_tier, tier_override,
                   first_reviewed_at, status_changed_at
            FROM referral_queue
            WHERE report_id = @ReportId
            """;

        // The status guard makes the update a no-op when another person moved the referral meanwhile.
        public const string Move = """
            UPDATE referral_queue
            SET status = @To, status_changed_at = @Now, first_reviewed_at = COALESCE(first_reviewed_at, @Now)
            WHERE report_id = @ReportId AND status = @From
            """;

        public const string Assign = """
            UPDATE referral_queue
            SET assignee_user_id = @UserId, unit_id = @UnitId, status = @To,
                status_changed_at = CASE WHEN status = @To THEN status_changed_at ELSE @Now END,
                first_reviewed_at = COALESCE(first_reviewed_at, @Now)
            WHERE report_id = @ReportId AND status = @From
            """;

        public const string OverrideTier = """
            UPDATE referral_queue SET tier_override = @Tier WHERE report_id = @ReportId
            """;

        // Guarded by the override it read, so a concurrent change is refused, never overwritten.
        public const string ClearTierOverride = """
            UPDATE referral_queue SET tier_override = NULL WHERE report_id = @ReportId AND tier_override = @ClearedTier
            """;

        public const string InsertOverrideClearing = """
            INSERT INTO referral_tier_override_clearings (report_id, at, user_name, cleared_tier, reason)
            VALUES (@ReportId, @Now, @UserName, @ClearedTier, @Reason)
            """;

        public const string InsertHistory = """
            INSERT INTO referral_status_history (report_id, at, user_name, from_status, to_status, reason)
            VALUES (@ReportId, @Now, @UserName, @From, @To, @Reason)
            """;

        public const string InsertNote = """
            INSERT INTO referral_notes (report_id, at, user_name, text) VALUES (@ReportId, @Now, @UserName, @Text)
            """;

        public const string InsertLabel = """
            INSERT INTO referral_labels (report_id, at, user_name, kind, value, reason)
            VALUES (@ReportId, @Now, @UserName, @Kind, @Value, @Reason)
            """;

        public const string SelectNotes = """
            SELECT id, at, user_name, text FROM referral_notes WHERE report_id = @ReportId ORDER BY id
            """;

        public const string SelectHistory = """
            SELECT id, at, user_name, from_status AS from_code, to_status AS to_code, reason
            FROM referral_status_history
            WHERE report_id = @ReportId
            ORDER BY id
            """;

        public const string SelectLabels = """
            SELECT id, report_id, at, user_name, kind, value, reason FROM referral_labels WHERE kind = @Kind ORDER BY id
            """;
    }
}
