namespace Katalyst.Referrals.Store;

/// <summary>The SQL behind <see cref="ReferralScoreStore"/>.</summary>
internal static class ReferralScoreSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string Delete = """
            DELETE FROM referral_scores WHERE report_id = @ReportId
            """;

        public const string Insert = """
            INSERT INTO referral_scores (report_id, tier, tier_name, score, model_tier, indicators_json, reasons_json,
                                         warnings_json, rules_json, models, scored_at)
            VALUES (@ReportId, @Tier, @TierName, @Score, @ModelTier, @IndicatorsJson, @ReasonsJson,
                    @WarningsJson, @RulesJson, @Models, @ScoredAt)
            """;

        public const string SelectOne = """
            SELECT report_id, tier, tier_name, score, model_tier, indicators_json, reasons_json, warnings_json, rules_json,
                   models, scored_at
            FROM referral_scores
            WHERE report_id = @ReportId
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string SelectUnscored = """
            SELECT r.report_id
            FROM referrals r
            LEFT JOIN referral_scores s ON s.report_id = r.report_id
            WHERE s.report_id IS NULL
            ORDER BY r.report_id
            LIMIT @Take
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string SelectUnscored = """
            SELECT TOP (@Take) r.report_id
            FROM referrals r
            LEFT JOIN referral_scores s ON s.report_id = r.report_id
            WHERE s.report_id IS NULL
            ORDER BY r.report_id
            """;
    }
}
