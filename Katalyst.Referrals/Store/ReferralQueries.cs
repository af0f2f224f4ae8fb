using System.Text;
using Dapper;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Intake.Parsing;

namespace Katalyst.Referrals.Store;

/// <summary>Read-side queries over stored referrals, for the portal and the CLI.</summary>
public sealed class ReferralQueries(StoreDataSource dataSource)
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Referrals newest first (by received time, then report number), one page at a time.</summary>
    /// <param name="skip">How many referrals to skip; zero or more.</param>
    /// <param name="take">How many to return; 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<ReferralPage> ListNewestFirstAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxPageSize);

        var pageSql = dataSource.Provider == StoreProvider.Sqlite
            ? ReferralQuerySql.Sqlite.ListNewestFirst
            : ReferralQuerySql.SqlServer.ListNewestFirst;

        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(
            new CommandDefinition(ReferralQuerySql.Shared.Count, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<ReferralSummary>(
            new CommandDefinition(pageSql, new { Skip = skip, Take = take }, cancellationToken: cancellationToken));
        return new ReferralPage(items.AsList(), total);
    }

    /// <summary>How many referrals the store holds.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(
            new CommandDefinition(ReferralQuerySql.Shared.Count, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// One stored referral with its files, the typed report and fileDetails read back from the documents kept
    /// as received; null when no referral has that number.
    /// </summary>
    public async Task<StoredReferral?> GetAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReferralRow>(
            new CommandDefinition(ReferralQuerySql.Shared.SelectReferral, new { ReportId = reportId }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var files = await connection.QueryAsync<FileRow>(
            new CommandDefinition(ReferralQuerySql.Shared.SelectFiles, new { ReportId = reportId }, cancellationToken: cancellationToken));
        return new StoredReferral(
            row,
            ManifestParser.Parse(Encoding.UTF8.GetBytes(row.ManifestJson)),
            ReportXmlParser.Parse(AsReceived(row.ReportXml), "report.xml", long.MaxValue),
            row.ReportXml,
            files.Select(f => new StoredFile(
                f.FileId,
                f.DetailsXml is null ? null : FileDetailsXmlParser.Parse(AsReceived(f.DetailsXml), $"files/{f.FileId}.xml", long.MaxValue),
                f.DetailsXml, f.BytesName, f.Sha256, f.Md5, f.Sha1, f.ByteLength, f.EspHashMismatch)).ToList(),
            row.ImportedAt);
    }

    // Stored documents are text: encode them back in the encoding their declaration names, as received.
    private static MemoryStream AsReceived(string xml) => new(XmlText.Encode(xml), writable: false);

    private sealed class ReferralRow : ReferralSummary
    {
        public string ManifestJson { get; init; } = "";

        public string ReportXml { get; init; } = "";

        public DateTimeOffset ImportedAt { get; init; }
    }

    private sealed class FileRow
    {
        public string FileId { get; init; } = "";

        public string? DetailsXml { get; init; }

        public string? BytesName { get; init; }

        public string? Sha256 { get; init; }

        public string? Md5 { get; init; }

        public string? Sha1 { get; init; }

        public long? ByteLength { get; init; }

        public bool EspHashMismatch { get; init; }
    }
}
