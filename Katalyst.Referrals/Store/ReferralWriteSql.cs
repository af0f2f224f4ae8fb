namespace Katalyst.Referrals.Store;

/// <summary>The SQL behind <see cref="ReferralWriter"/>. Every statement reads the same on SQLite and SQL Server.</summary>
internal static class ReferralWriteSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string SelectFingerprint = """
            SELECT package_sha256 FROM referrals WHERE report_id = @ReportId
            """;

        public const string InsertReferral = """
            INSERT INTO referrals (report_id, received_at, report_type, ncmec_priority, country, incident_type,
                                   incident_at, platform, escalated, file_count, bundled_count, package_sha256,
                                   manifest_json, report_xml, imported_at)
            VALUES (@ReportId, @ReceivedAt, @ReportType, @NcmecPriority, @Country, @IncidentType,
                    @IncidentAt, @Platform, @Escalated, @FileCount, @BundledCount, @PackageSha256,
                    @ManifestJson, @ReportXml, @ImportedAt)
            """;

        // Evidence is shared across referrals (the same known image arrives many times): add it once.
        public const string InsertEvidenceOnce = """
            INSERT INTO evidence (sha256, md5, sha1, byte_length, first_seen_at)
            SELECT @Sha256, @Md5, @Sha1, @ByteLength, @FirstSeenAt
            WHERE NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = @Sha256)
            """;

        public const string InsertFile = """
            INSERT INTO referral_files (report_id, file_id, original_file_name, details_xml, bytes_name, sha256,
                                        esp_hash_mismatch, viewed_by_esp, publicly_available)
            VALUES (@ReportId, @FileId, @OriginalFileName, @DetailsXml, @BytesName, @Sha256,
                    @EspHashMismatch, @ViewedByEsp, @PubliclyAvailable)
            """;

        public const string InsertIntakeLog = """
            INSERT INTO intake_log (logged_at, outcome, package, report_id, file_name, line_number, element, reason)
            VALUES (@LoggedAt, @Outcome, @Package, @ReportId, @FileName, @LineNumber, @Element, @Reason)
            """;
    }
}
