using Dapper;

namespace Katalyst.Referrals.Store.Workflow;

public sealed partial class WorkflowStore
{
    /// <summary>
    /// Takes a supervisor's tier override off a referral, with a reason, so that the queue orders it by the model's tier
    /// again. The override's label stays in <c>referral_labels</c> (history for training); the clearing is recorded in
    /// <c>referral_tier_override_clearings</c> (who, when, which tier, why).
    /// </summary>
    /// <returns>The tier that was cleared.</returns>
    /// <exception cref="WorkflowRefusedException">
    /// The referral is not stored or has no override, the reason is blank or too long, or the override changed meanwhile.
    /// </exception>
    public async Task<int> ClearTierOverrideAsync(long reportId, string reason, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var cleanReason = WorkflowReasons.RequireText(reportId, reason, "Clearing a tier override needs a reason", WorkflowLimits.MaxReasonLength);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var state = await RequireStateAsync(connection, transaction, reportId, cancellationToken);
        var cleared = state.TierOverride
            ?? throw new WorkflowRefusedException($"Referral {reportId} has no tier override to clear.");
        var values = new { ReportId = reportId, ClearedTier = cleared, Now = DateTimeOffset.UtcNow, UserName = userName, Reason = cleanReason };
        await UpdateGuardedAsync(connection, transaction, WorkflowSql.Shared.ClearTierOverride, values, reportId, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.Shared.InsertOverrideClearing, values, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return cleared;
    }
}
