namespace Katalyst.Referrals.Store.Routing;

/// <summary>The SQL behind <see cref="RoutingRuleStore"/> and <see cref="ReferralRoutingStore"/>.</summary>
internal static class RoutingSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string SelectRules = """
            SELECT r.id, r.province, r.district, r.unit_id, u.code AS unit_code, u.name AS unit_name, r.created_at, r.created_by
            FROM routing_rules r JOIN units u ON u.id = r.unit_id
            ORDER BY CASE WHEN r.province = '*' THEN 1 ELSE 0 END, r.province, r.district
            """;

        public const string CountRulesAt = "SELECT COUNT(*) FROM routing_rules WHERE province = @Province AND district = @District";

        public const string InsertRule = """
            INSERT INTO routing_rules (province, district, unit_id, created_at, created_by)
            VALUES (@Province, @District, @UnitId, @CreatedAt, @CreatedBy)
            """;

        public const string DeleteRule = "DELETE FROM routing_rules WHERE id = @Id";

        public const string InsertLocation = """
            INSERT INTO referral_locations (report_id, country, province, district, source, evidence, phone_operator, unit_id, route_reason, routed_at)
            VALUES (@ReportId, @Country, @Province, @District, @Source, @Evidence, @PhoneOperator, @UnitId, @RouteReason, @RoutedAt)
            """;

        // Only a referral nobody holds yet takes the routed unit: a supervisor's assignment is never undone.
        public const string RouteQueueRow = """
            UPDATE referral_queue
            SET province = @Province,
                unit_id = CASE WHEN unit_id IS NULL AND assignee_user_id IS NULL THEN @UnitId ELSE unit_id END
            WHERE report_id = @ReportId
            """;

        public const string SelectLocation = """
            SELECT l.report_id, l.country, l.province, l.district, l.source, l.evidence, l.phone_operator, l.unit_id,
                   u.code AS unit_code, u.name AS unit_name, l.route_reason, l.routed_at
            FROM referral_locations l LEFT JOIN units u ON u.id = l.unit_id
            WHERE l.report_id = @ReportId
            """;

        public const string UnitExists = "SELECT COUNT(*) FROM units WHERE id = @UnitId";
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string SelectUnrouted = """
            SELECT r.report_id FROM referrals r
            WHERE NOT EXISTS (SELECT 1 FROM referral_locations l WHERE l.report_id = r.report_id)
            ORDER BY r.report_id
            LIMIT @Limit
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string SelectUnrouted = """
            SELECT TOP (@Limit) r.report_id FROM referrals r
            WHERE NOT EXISTS (SELECT 1 FROM referral_locations l WHERE l.report_id = r.report_id)
            ORDER BY r.report_id
            """;
    }
}
