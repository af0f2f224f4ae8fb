using System.Data.Common;
using System.Globalization;
using Dapper;
using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Store.Workflow;

/// <summary>
/// A referral's work in the store: status moves checked by <see cref="ReferralWorkflow"/> and recorded with the
/// person's name and reason, assignment, tier overrides (kept as training labels) and notes. Each action is one
/// transaction; a move another person made meanwhile makes the action a refusal, never a silent overwrite.
/// Role checks belong to the caller; this store checks the moves and the reasons.
/// </summary>
public sealed partial class WorkflowStore(StoreDataSource dataSource, WorkflowOptions options)
{
    /// <summary>The referral's work state with its history, or null when the store holds no such referral.</summary>
    public async Task<ReferralWorkState?> GetAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return await ReadStateAsync(connection, null, reportId, cancellationToken);
    }

    /// <summary>Moves a referral to another status as <paramref name="userName"/> did.</summary>
    /// <param name="reportId">The report number.</param>
    /// <param name="to">The status to move to.</param>
    /// <param name="userName">The person making the move.</param>
    /// <param name="supervisor">True when the person is a supervisor (who alone may reopen).</param>
    /// <param name="reason">The reason: one of the configured list for Closed and Referred onward, free text to reopen, else optional.</param>
    /// <param name="cancellationToken">Cancels the move.</param>
    /// <exception cref="WorkflowRefusedException">The move or the reason is not allowed; the message says why.</exception>
    public async Task MoveAsync(long reportId, ReferralStatus to, string userName, bool supervisor, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var state = await RequireStateAsync(connection, transaction, reportId, cancellationToken);
        if (ReferralWorkflow.RefusalOf(state.Status, to, supervisor) is { } refusal)
        {
            throw new WorkflowRefusedException($"Referral {reportId}: {refusal}.");
        }

        var cleanReason = WorkflowReasons.Check(options, reportId, state.Status, to, reason);
        var values = new { ReportId = reportId, From = state.Status.ToCode(), To = to.ToCode(), Now = DateTimeOffset.UtcNow, UserName = userName, Reason = cleanReason };
        await UpdateGuardedAsync(connection, transaction, WorkflowSql.Shared.Move, values, reportId, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.Shared.InsertHistory, values, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Gives a referral to a person and a unit (either may be null: then nobody, or no unit). New, In review and
    /// Assigned referrals become Assigned; Investigating ones change hands and stay Investigating.
    /// </summary>
    /// <exception cref="WorkflowRefusedException">The referral's work is over, or it is not stored.</exception>
    public async Task AssignAsync(long reportId, long? userId, long? unitId, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var state = await RequireStateAsync(connection, transaction, reportId, cancellationToken);
        if (ReferralWorkflow.AssignRefusal(state.Status) is { } refusal)
        {
            throw new WorkflowRefusedException($"Referral {reportId}: {refusal}.");
        }

        var to = ReferralWorkflow.AfterAssign(state.Status);
        var values = new
        {
            ReportId = reportId, From = state.Status.ToCode(), To = to.ToCode(), Now = DateTimeOffset.UtcNow, UserName = userName,
            UserId = userId, UnitId = unitId, Reason = (string?)null,
        };
        await UpdateGuardedAsync(connection, transaction, WorkflowSql.Shared.Assign, values, reportId, cancellationToken);
        if (to != state.Status)
        {
            await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.Shared.InsertHistory, values, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Sets a supervisor's tier, which the queue then orders by, and keeps it with its reason as a training label.</summary>
    /// <exception cref="WorkflowRefusedException">The tier is not 1 to 5, the reason is blank or too long, or the referral is not stored.</exception>
    public async Task OverrideTierAsync(long reportId, int tier, string reason, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (tier is < 1 or > 5)
        {
            throw new WorkflowRefusedException($"Referral {reportId}: a tier override is 1 to 5, not {tier}.");
        }

        var cleanReason = WorkflowReasons.RequireText(reportId, reason, "A tier override needs a reason", WorkflowLimits.MaxReasonLength);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireStateAsync(connection, transaction, reportId, cancellationToken);
        var values = new
        {
            ReportId = reportId, Tier = tier, Now = DateTimeOffset.UtcNow, UserName = userName, Kind = ReferralLabel.TierOverrideKind,
            Value = tier.ToString(CultureInfo.InvariantCulture), Reason = cleanReason,
        };
        await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.Shared.OverrideTier, values, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.Shared.InsertLabel, values, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds a note to a referral.</summary>
    /// <exception cref="WorkflowRefusedException">The note is blank or too long, or the referral is not stored.</exception>
    public async Task AddNoteAsync(long reportId, string text, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var cleanText = WorkflowReasons.RequireText(reportId, text, "A note needs some text", WorkflowLimits.MaxNoteLength);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireStateAsync(connection, transaction, reportId, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            WorkflowSql.Shared.InsertNote, new { ReportId = reportId, Now = DateTimeOffset.UtcNow, UserName = userName, Text = cleanText }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A referral's notes, oldest first.</summary>
    public async Task<IReadOnlyList<ReferralNote>> NotesAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkflowRows.Note>(new CommandDefinition(WorkflowSql.Shared.SelectNotes, new { ReportId = reportId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ReferralNote(r.Id, r.At, r.UserName, r.Text))];
    }

    /// <summary>Every label of a kind, oldest first: what <c>katalyst train</c> reads (e.g. <see cref="ReferralLabel.TierOverrideKind"/>).</summary>
    public async Task<IReadOnlyList<ReferralLabel>> LabelsAsync(string kind, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkflowRows.Label>(new CommandDefinition(WorkflowSql.Shared.SelectLabels, new { Kind = kind }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ReferralLabel(r.ReportId, r.At, r.UserName, r.Kind, r.Value, r.Reason))];
    }

    private static async Task UpdateGuardedAsync(DbConnection connection, DbTransaction transaction, string sql, object values, long reportId, CancellationToken cancellationToken)
    {
        var rows = await connection.ExecuteAsync(new CommandDefinition(sql, values, transaction, cancellationToken: cancellationToken));
        if (rows != 1)
        {
            throw new WorkflowRefusedException($"Referral {reportId} changed while the action ran; reload it and try again.");
        }
    }

    private static async Task<ReferralWorkState> RequireStateAsync(DbConnection connection, DbTransaction transaction, long reportId, CancellationToken cancellationToken) =>
        await ReadStateAsync(connection, transaction, reportId, cancellationToken)
            ?? throw new WorkflowRefusedException($"Referral {reportId}: the store holds no such referral.");

    private static async Task<ReferralWorkState?> ReadStateAsync(DbConnection connection, DbTransaction? transaction, long reportId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<WorkflowRows.State>(new CommandDefinition(WorkflowSql.Shared.SelectState, new { ReportId = reportId }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var history = await connection.QueryAsync<WorkflowRows.History>(new CommandDefinition(WorkflowSql.Shared.SelectHistory, new { ReportId = reportId }, transaction, cancellationToken: cancellationToken));
        return new ReferralWorkState(
            row.ReportId, ReferralStatusCodes.FromCode(row.StatusCode), row.AssigneeUserId, row.UnitId, row.ScoredTier, row.TierOverride,
            row.FirstReviewedAt, row.StatusChangedAt,
            [.. history.Select(h => new StatusChange(h.At, h.UserName, ReferralStatusCodes.FromCode(h.FromCode), ReferralStatusCodes.FromCode(h.ToCode), h.Reason))]);
    }
}
