using System.Data.Common;
using Dapper;
using Katalyst.Referrals.Model;
using Microsoft.Data.Sqlite;

namespace Katalyst.Referrals.Store.Queue;

/// <summary>
/// Keeps <c>referral_queue</c> current inside the writers' own transactions: a queue row (New) and its search text
/// when a referral is stored, the scored tier and score when it is scored.
/// </summary>
internal static class QueueRows
{
    /// <summary>Adds the queue row and the searchable text of a newly stored referral.</summary>
    public static async Task AddAsync(
        DbConnection connection, DbTransaction transaction, long reportId, DateTimeOffset receivedAt, string incidentType, EspReport report,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(QueueSql.Shared.InsertRow,
            new { ReportId = reportId, ReceivedAt = receivedAt, IncidentType = incidentType, Now = DateTimeOffset.UtcNow }, transaction, cancellationToken: cancellationToken));
        await SetTextAsync(connection, transaction, reportId, QueueText.Of(report), cancellationToken);
    }

    /// <summary>Stores a referral's searchable text and marks its row as indexed.</summary>
    public static async Task SetTextAsync(DbConnection connection, DbTransaction transaction, long reportId, string body, CancellationToken cancellationToken)
    {
        var insertText = connection is SqliteConnection ? QueueSql.Sqlite.InsertText : QueueSql.SqlServer.InsertText;
        await connection.ExecuteAsync(new CommandDefinition(insertText, new { ReportId = reportId, Body = body }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(QueueSql.Shared.MarkTextIndexed, new { ReportId = reportId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Copies the latest scored tier and score onto the queue rows of the referrals just scored.</summary>
    public static Task UpdateScoresAsync(DbConnection connection, DbTransaction transaction, IEnumerable<(long ReportId, int Tier, double Score)> scores, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(QueueSql.Shared.UpdateScore,
            scores.Select(s => new { s.ReportId, s.Tier, s.Score }), transaction, cancellationToken: cancellationToken));
}
