using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Inference.Tests.Linking;

/// <summary>
/// A real SQLite store in a temporary folder holding referrals of one drawn picture each, imported the usual way
/// (stored, then linked by their intake identifiers: each referral's suspect has a screen name of its own, so nothing
/// links them but their pictures).
/// </summary>
internal sealed class PictureReferrals : IAsyncDisposable
{
    private const string Report = """
        <?xml version="1.0" encoding="UTF-8"?>
        <report>
          <incidentSummary>
            <incidentType>Child Pornography (possession, manufacture, and distribution)</incidentType>
            <platform>Example Chat</platform>
            <incidentDateTime>2026-10-01T10:00:00Z</incidentDateTime>
          </incidentSummary>
          <reporter>
            <reportingPerson>
              <firstName>Test</firstName>
              <lastName>Reporter</lastName>
              <email>safety@example.com</email>
            </reportingPerson>
          </reporter>
          <personOrUserReported>
            <screenName>suspect_{0}</screenName>
          </personOrUserReported>
        </report>
        """;

    private PictureReferrals(string folder)
    {
        Folder = folder;
        DataSource = new StoreDataSource(StoreProvider.Sqlite, $"Data Source={Path.Combine(folder, "katalyst.db")}");
    }

    public string Folder { get; }

    public StoreDataSource DataSource { get; }

    public EvidenceStore Evidence => new(Path.Combine(Folder, "evidence"));

    /// <summary>Stores one referral per picture (report ids 7001, 7002, ...; the file is <c>f1</c>), in that order.</summary>
    public static async Task<PictureReferrals> CreateAsync(IReadOnlyList<(string Extension, byte[] Bytes)> pictures, CancellationToken cancellationToken)
    {
        var store = new PictureReferrals(Directory.CreateTempSubdirectory("katalyst-pdq-links-").FullName);
        var batch = Path.Combine(store.Folder, "packages");
        for (var i = 0; i < pictures.Count; i++)
        {
            var reportId = ReportId(i);
            var folder = Path.Combine(batch, reportId.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(Path.Combine(folder, "files"));
            await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"),
                $$"""{ "reportId": {{reportId}}, "receivedAt": "2026-10-02T08:00:00Z", "reportType": "referral", "ncmecPriority": "3", "country": "PK" }""", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "report.xml"), string.Format(CultureInfo.InvariantCulture, Report, reportId), cancellationToken);
            var (extension, bytes) = pictures[i];
            await File.WriteAllBytesAsync(Path.Combine(folder, "files", $"f1.{extension}"), bytes, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "files", "f1.xml"), $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <fileDetails>
                  <reportId>{reportId}</reportId>
                  <fileId>f1</fileId>
                  <originalFileName>f1.{extension}</originalFileName>
                  <fileViewedByEsp>true</fileViewedByEsp>
                  <originalFileHash hashType="MD5">{Convert.ToHexStringLower(MD5.HashData(bytes))}</originalFileHash>
                </fileDetails>
                """, cancellationToken);
        }

        await new MigrationRunner(store.DataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);
        var importer = new ReferralImporter(store.DataSource, store.Evidence, new IntakeOptions(), NullLogger<ReferralImporter>.Instance, new LinkingOptions());
        var summary = await importer.ImportAsync(batch, cancellationToken: cancellationToken);
        Assert.Equal(pictures.Count, summary.Imported);
        return store;
    }

    public static long ReportId(int index) => 7001 + index;

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken, object? parameters = null)
    {
        await using var connection = await DataSource.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The links in force (not retracted) through pdq identifiers, as (a, b, value).</summary>
    public Task<IReadOnlyList<PdqLink>> ActivePdqLinksAsync(CancellationToken cancellationToken) => QueryAsync<PdqLink>(
        "SELECT report_a AS ReportA, report_b AS ReportB, value AS Value FROM referral_links WHERE kind = 'pdq' AND retracted_at IS NULL ORDER BY link_id", cancellationToken);

    /// <summary>Every pdq identifier the referrals carry.</summary>
    public Task<IReadOnlyList<PdqIdentifierRow>> PdqIdentifiersAsync(CancellationToken cancellationToken) => QueryAsync<PdqIdentifierRow>(
        "SELECT report_id AS ReportId, value AS Value, source AS Source, detail AS Detail FROM referral_identifiers WHERE kind = 'pdq' ORDER BY report_id, value", cancellationToken);

    /// <summary>Each file's stored PDQ and quality.</summary>
    public Task<IReadOnlyList<AnalysedPicture>> AnalysesAsync(CancellationToken cancellationToken) => QueryAsync<AnalysedPicture>(
        "SELECT report_id AS ReportId, pdq AS Pdq, quality AS Quality FROM file_analysis ORDER BY report_id", cancellationToken);

    public async Task<long> SubjectOfAsync(long reportId, CancellationToken cancellationToken) =>
        (await QueryAsync<long>("SELECT subject_id FROM referral_subjects WHERE report_id = @ReportId", cancellationToken, new { ReportId = reportId }))[0];

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    internal sealed record PdqLink(long ReportA, long ReportB, string Value);

    internal sealed record PdqIdentifierRow(long ReportId, string Value, string Source, string? Detail);

    internal sealed record AnalysedPicture(long ReportId, string? Pdq, long? Quality);
}
