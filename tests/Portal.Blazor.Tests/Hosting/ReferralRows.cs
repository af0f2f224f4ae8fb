using System.Globalization;
using Dapper;
using Katalyst.Referrals.Store;

namespace Katalyst.Portal.Tests.Hosting;

/// <summary>A referral the tests put in the store, with the values the list should show.</summary>
public sealed record SeededReferral(long ReportId, DateTimeOffset ReceivedAt, bool Escalated);

/// <summary>
/// Inserts synthetic referral rows straight into the <c>referrals</c> table (schema 0001) with their queue rows and search text (0004), so that the
/// portal can be tested without the importer. The values are placeholders, never real report content.
/// </summary>
public static class ReferralRows
{
    private static readonly DateTimeOffset FirstReceived = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private const string Insert = """
        INSERT INTO referrals (report_id, received_at, report_type, ncmec_priority, country, incident_type,
                               incident_at, platform, escalated, file_count, bundled_count, package_sha256,
                               manifest_json, report_xml, imported_at)
        VALUES (@ReportId, @ReceivedAt, @ReportType, @NcmecPriority, @Country, @IncidentType,
                @IncidentAt, @Platform, @Escalated, @FileCount, NULL, @PackageSha256,
                '{}', '<report/>', @ImportedAt);
        INSERT INTO referral_queue (report_id, received_at, incident_type, status, status_changed_at, text_indexed)
        VALUES (@ReportId, @ReceivedAt, @IncidentType, 'new', @ImportedAt, 1);
        INSERT INTO referral_queue_text (rowid, body) VALUES (@ReportId, @Body);
        """;

    /// <summary>
    /// Inserts <paramref name="count"/> referrals an hour apart, in shuffled order, with report numbers that
    /// fall as time rises (so ordering by number would put them in the wrong order). Returns them newest first.
    /// </summary>
    public static async Task<IReadOnlyList<SeededReferral>> InsertAsync(StoreDataSource dataSource, int count, CancellationToken cancellationToken)
    {
        var referrals = Enumerable.Range(0, count)
            .Select(i => new SeededReferral(ReportId: 90_000_000 - (i * 7), FirstReceived.AddHours(i), Escalated: i % 5 == 0))
            .ToList();

        await using var connection = await dataSource.OpenAsync(cancellationToken);
        foreach (var referral in referrals.OrderBy(r => r.ReportId % 11).ThenBy(r => r.ReportId))
        {
            var index = referrals.IndexOf(referral);
            await connection.ExecuteAsync(new CommandDefinition(Insert, new
            {
                referral.ReportId,
                ReceivedAt = Utc(referral.ReceivedAt),
                ReportType = index % 4 == 0 ? "informational" : "referral",
                NcmecPriority = index % 3 == 0 ? null : ((index % 3) + 1).ToString(CultureInfo.InvariantCulture),
                Country = "NL",
                IncidentType = index % 2 == 0 ? "Online Enticement of Children for Sexual Acts" : "Misleading Domain Name",
                IncidentAt = Utc(referral.ReceivedAt.AddDays(-2)),
                Platform = index % 2 == 0 ? "Chat" : null,
                Escalated = referral.Escalated ? 1 : 0,
                FileCount = (index % 4) + 1,
                PackageSha256 = index.ToString("x64", CultureInfo.InvariantCulture),
                ImportedAt = Utc(referral.ReceivedAt.AddMinutes(5)),
                Body = index % 3 == 0 ? "Asked about homework help." : "Talked about football practice.",
            }, cancellationToken: cancellationToken));
        }

        return referrals.OrderByDescending(r => r.ReceivedAt).ToList();
    }

    // The store keeps SQLite timestamps as UTC ISO-8601 text so that they sort in time order.
    private static string Utc(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
