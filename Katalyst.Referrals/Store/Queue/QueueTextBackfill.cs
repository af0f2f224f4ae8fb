using Dapper;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Parsing;
using Microsoft.Extensions.Logging;

namespace Katalyst.Referrals.Store.Queue;

/// <summary>
/// Fills the search text of queue rows that have none yet: referrals stored before the queue existed (migration
/// 0004 adds their rows, but SQL cannot read the report XML). Runs at start, in batches, each its own transaction.
/// A report that cannot be read back is indexed with no text and logged; the referral itself is never touched.
/// </summary>
public sealed partial class QueueTextBackfill(StoreDataSource dataSource, ILogger<QueueTextBackfill> logger)
{
    private const int BatchSize = 200;

    /// <summary>Indexes every row still waiting; returns how many it indexed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var select = dataSource.Provider == StoreProvider.Sqlite ? QueueSql.Sqlite.SelectUnindexed : QueueSql.SqlServer.SelectUnindexed;
        var total = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var batch = (await connection.QueryAsync<(long ReportId, string ReportXml)>(
                new CommandDefinition(select, new { Take = BatchSize }, transaction, cancellationToken: cancellationToken))).AsList();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var (reportId, reportXml) in batch)
            {
                await QueueRows.SetTextAsync(connection, transaction, reportId, TextOf(reportId, reportXml), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            total += batch.Count;
        }

        if (total > 0)
        {
            LogIndexed(total);
        }

        return total;
    }

    private string TextOf(long reportId, string reportXml)
    {
        try
        {
            using var stream = new MemoryStream(XmlText.Encode(reportXml), writable: false);
            return QueueText.Of(ReportXmlParser.Parse(stream, "report.xml", long.MaxValue));
        }
        catch (ReferralFormatException exception)
        {
            LogUnreadable(reportId, exception.Message);
            return "";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed the report text of {Count} referrals for queue search")]
    private partial void LogIndexed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReportId}'s report could not be read for queue search; it is searchable by its other fields only: {Reason}")]
    private partial void LogUnreadable(long reportId, string reason);
}
