using System.Data.Common;
using Dapper;

namespace Katalyst.Referrals.Store.Queue;

/// <summary>
/// The investigators' work queue over the whole store: filtered, ordered pages with their total, and the bulk
/// actions a supervisor takes from the queue. Nothing here closes a referral.
/// </summary>
public sealed class QueueStore(StoreDataSource dataSource)
{
    /// <summary>The most referrals one bulk action may name.</summary>
    public const int MaxBulk = 500;

    /// <summary>One page of the queue and the number of referrals the filter matches.</summary>
    /// <exception cref="ArgumentException">The query is invalid; the message names every problem.</exception>
    public async Task<QueuePage> PageAsync(QueueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = query.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The queue query is invalid: " + string.Join(" ", problems), nameof(query));
        }

        var statement = QueuePageStatement.For(query, dataSource.Provider);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(statement.CountSql, statement.Parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<QueueRow>(new CommandDefinition(statement.PageSqlFor(total), statement.Parameters, cancellationToken: cancellationToken));
        return new QueuePage(rows.AsList(), total);
    }

    /// <summary>
    /// Marks new referrals as reviewed (New → In review) and records when a person first reviewed them. Referrals
    /// in any other status, and numbers the store does not hold, are refused with the reason and left unchanged.
    /// </summary>
    public Task<BulkOutcome> MarkReviewedAsync(IReadOnlyCollection<long> reportIds, CancellationToken cancellationToken = default) =>
        ApplyAsync(reportIds, QueueSql.Shared.MarkReviewed, new { }, status => status == ReferralStatus.New
            ? null
            : $"it is {status.ToDisplayName()}; only New referrals can be marked reviewed", cancellationToken);

    /// <summary>
    /// Assigns referrals to a user, a unit or both (a null keeps the current one). New, In review and Assigned
    /// referrals become Assigned; Investigating ones keep their status and change hands. Referred onward and
    /// Closed referrals are refused: their work is over until a person reopens them.
    /// </summary>
    /// <exception cref="ArgumentException">Neither a user nor a unit was given.</exception>
    public Task<BulkOutcome> AssignAsync(IReadOnlyCollection<long> reportIds, int? userId, int? unitId, CancellationToken cancellationToken = default)
    {
        if (userId is null && unitId is null)
        {
            throw new ArgumentException("Assign needs a user id, a unit id or both; neither was given.", nameof(userId));
        }

        return ApplyAsync(reportIds, QueueSql.Shared.Assign, new { UserId = userId, UnitId = unitId }, status => status is ReferralStatus.ReferredOnward or ReferralStatus.Closed
            ? $"it is {status.ToDisplayName()}; a referral whose work is over cannot be assigned"
            : null, cancellationToken);
    }

    // Reads each referral's status, refuses those the rule rejects and updates the rest, in one transaction.
    private async Task<BulkOutcome> ApplyAsync(
        IReadOnlyCollection<long> reportIds, string updateSql, object values, Func<ReferralStatus, string?> refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reportIds);
        if (reportIds.Count is 0 or > MaxBulk)
        {
            throw new ArgumentException($"A bulk action names 1 to {MaxBulk} referrals, not {reportIds.Count}.", nameof(reportIds));
        }

        var now = DateTimeOffset.UtcNow;
        var changed = new List<long>();
        var refused = new List<BulkRefusal>();
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var reportId in reportIds.Distinct())
        {
            var reason = await ReasonToRefuseAsync(connection, transaction, reportId, refusal, cancellationToken);
            if (reason is null)
            {
                var parameters = new DynamicParameters(values);
                parameters.Add("ReportId", reportId);
                parameters.Add("Now", now);
                var rows = await connection.ExecuteAsync(new CommandDefinition(updateSql, parameters, transaction, cancellationToken: cancellationToken));
                reason = rows == 1 ? null : "it changed while the action ran; reload the queue and try again";
            }

            if (reason is null)
            {
                changed.Add(reportId);
            }
            else
            {
                refused.Add(new BulkRefusal(reportId, $"Referral {reportId}: {reason}."));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new BulkOutcome(changed, refused);
    }

    private static async Task<string?> ReasonToRefuseAsync(
        DbConnection connection, DbTransaction transaction, long reportId, Func<ReferralStatus, string?> refusal, CancellationToken cancellationToken)
    {
        var code = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            QueueSql.Shared.SelectStatus, new { ReportId = reportId }, transaction, cancellationToken: cancellationToken));
        return code is null ? "the store holds no such referral" : refusal(ReferralStatusCodes.FromCode(code));
    }
}
