using Dapper;
using Katalyst.Referrals.Store.Workflow;

namespace Katalyst.Referrals.Store.Queue;

/// <summary>
/// The investigators' work queue over the whole store: filtered, ordered pages with their total, and the bulk
/// actions a supervisor takes from the queue, under the same rules as the referral page (<see cref="ReferralWorkflow"/>).
/// Nothing here closes a referral.
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
    /// False only when the referral is stored and another unit's (held by a unit not the person's, and not assigned to
    /// them); a number the store does not hold is left to the caller's own "not found".
    /// </summary>
    public async Task<bool> InScopeAsync(long reportId, QueueScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var outside = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            QueueSql.Shared.OutOfScope, new { ReportId = reportId, ScopeUnitId = scope.UnitId, ScopeUserId = scope.UserId }, cancellationToken: cancellationToken));
        return outside == 0;
    }

    /// <summary>
    /// Marks new referrals as reviewed (New → In review) and records when a person first reviewed them. Referrals
    /// in any other status, and numbers the store does not hold, are refused with the reason and left unchanged.
    /// No status history is written; the portal uses the overload that names the person.
    /// </summary>
    public Task<BulkOutcome> MarkReviewedAsync(IReadOnlyCollection<long> reportIds, CancellationToken cancellationToken = default) =>
        ApplyAsync(reportIds, QueueSql.Shared.MarkReviewed, new { }, ReferralWorkflow.MarkReviewedRefusal, _ => ReferralStatus.InReview, null, cancellationToken);

    /// <summary>Marks new referrals as reviewed as <paramref name="changedBy"/> did, recording each move in the status history.</summary>
    public Task<BulkOutcome> MarkReviewedAsync(IReadOnlyCollection<long> reportIds, string changedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        return ApplyAsync(reportIds, QueueSql.Shared.MarkReviewed, new { }, ReferralWorkflow.MarkReviewedRefusal, _ => ReferralStatus.InReview, changedBy, cancellationToken);
    }

    /// <summary>
    /// Assigns referrals to a user, a unit or both (a null keeps the current one). New, In review and Assigned
    /// referrals become Assigned; Investigating ones keep their status and change hands. Referred onward and
    /// Closed referrals are refused: their work is over until a person reopens them. No status history is written;
    /// the portal uses the overload that names the person.
    /// </summary>
    /// <exception cref="ArgumentException">Neither a user nor a unit was given.</exception>
    public Task<BulkOutcome> AssignAsync(IReadOnlyCollection<long> reportIds, int? userId, int? unitId, CancellationToken cancellationToken = default) =>
        AssignAs(reportIds, userId, unitId, null, cancellationToken);

    /// <summary>Assigns referrals as <paramref name="changedBy"/> did, recording each status move in the status history.</summary>
    /// <exception cref="ArgumentException">Neither a user nor a unit was given.</exception>
    public Task<BulkOutcome> AssignAsync(IReadOnlyCollection<long> reportIds, int? userId, int? unitId, string changedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        return AssignAs(reportIds, userId, unitId, changedBy, cancellationToken);
    }

    private Task<BulkOutcome> AssignAs(IReadOnlyCollection<long> reportIds, int? userId, int? unitId, string? changedBy, CancellationToken cancellationToken)
    {
        if (userId is null && unitId is null)
        {
            throw new ArgumentException("Assign needs a user id, a unit id or both; neither was given.", nameof(userId));
        }

        return ApplyAsync(reportIds, QueueSql.Shared.Assign, new { UserId = userId, UnitId = unitId }, ReferralWorkflow.AssignRefusal, ReferralWorkflow.AfterAssign, changedBy, cancellationToken);
    }

    // Reads each referral's status, refuses those the state machine rejects and updates the rest, in one
    // transaction; with a person's name, each status move goes into the status history as on the referral page.
    private async Task<BulkOutcome> ApplyAsync(
        IReadOnlyCollection<long> reportIds, string updateSql, object values, Func<ReferralStatus, string?> refusal,
        Func<ReferralStatus, ReferralStatus> after, string? changedBy, CancellationToken cancellationToken)
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
            var code = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                QueueSql.Shared.SelectStatus, new { ReportId = reportId }, transaction, cancellationToken: cancellationToken));
            var from = code is null ? (ReferralStatus?)null : ReferralStatusCodes.FromCode(code);
            var reason = from is { } status ? refusal(status) : "the store holds no such referral";
            if (reason is null)
            {
                var parameters = new DynamicParameters(values);
                parameters.Add("ReportId", reportId);
                parameters.Add("Now", now);
                var rows = await connection.ExecuteAsync(new CommandDefinition(updateSql, parameters, transaction, cancellationToken: cancellationToken));
                reason = rows == 1 ? null : "it changed while the action ran; reload the queue and try again";
                if (reason is null && changedBy is not null && after(from!.Value) is var to && to != from)
                {
                    await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.Shared.InsertHistory, new
                    {
                        ReportId = reportId, Now = now, UserName = changedBy, From = from.Value.ToCode(), To = to.ToCode(), Reason = (string?)null,
                    }, transaction, cancellationToken: cancellationToken));
                }
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
}
