using Dapper;
using Katalyst.Referrals.Scoring;

namespace Katalyst.Referrals.Store.Outbox;

/// <summary>
/// The scoring outbox (migration 0013): referrals waiting to be scored, claimed through the database with a lease so
/// that any number of portal instances on one store share the work without scoring a referral twice.
/// </summary>
public sealed class ScoringOutboxStore(StoreDataSource dataSource, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>
    /// Claims up to <paramref name="take"/> due referrals for <paramref name="claimer"/> until <paramref name="lease"/>
    /// from now; with <paramref name="afterAnalysis"/>, only referrals whose received files are all analysed.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedScoring>> ClaimAsync(string claimer, int take, TimeSpan lease, bool afterAnalysis, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimer);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var sql = dataSource.Provider == StoreProvider.Sqlite ? ScoringOutboxSql.Sqlite.Claim : ScoringOutboxSql.SqlServer.Claim;
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var claimed = await connection.QueryAsync<ClaimRow>(new CommandDefinition(sql, new { Claimer = claimer, Until = now + lease, Now = now, Take = take, AfterAnalysis = afterAnalysis ? 1 : 0 }, cancellationToken: cancellationToken));
        return claimed.Select(c => new ClaimedScoring(c.ReportId, c.Attempts, c.TraceParent)).OrderBy(c => c.ReportId).ToList();
    }

    /// <summary>
    /// Stores the score of a referral <paramref name="claimer"/> holds and removes its work, in one transaction. A score
    /// already stored from the same models is kept (a retry after a lost answer never writes a second, different one);
    /// a lost claim writes nothing.
    /// </summary>
    public async Task<ScoringCompletion> CompleteAsync(string claimer, ReferralScore score, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = new { score.ReportId, Claimer = claimer };
        var held = await connection.ExecuteAsync(new CommandDefinition(ScoringOutboxSql.Shared.DeleteClaimed, key, transaction, cancellationToken: cancellationToken));
        if (held == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ScoringCompletion.ClaimLost;
        }

        var storedModels = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(ScoringOutboxSql.Shared.SelectStoredModels, key, transaction, cancellationToken: cancellationToken));
        var outcome = storedModels == score.Models ? ScoringCompletion.AlreadyScored : ScoringCompletion.Stored;
        if (outcome == ScoringCompletion.Stored)
        {
            await ReferralScoreStore.WriteAsync(connection, transaction, [score], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Records a failed attempt of a referral <paramref name="claimer"/> holds: due again at <paramref name="nextAttemptAt"/>,
    /// or, with <paramref name="giveUp"/>, failed until a person retries it. False when the claim was lost.
    /// </summary>
    public async Task<bool> RecordFailureAsync(string claimer, ClaimedScoring claimed, string error, DateTimeOffset nextAttemptAt, bool giveUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(ScoringOutboxSql.Shared.RecordFailure, new
        {
            claimed.ReportId,
            Claimer = claimer,
            Attempts = claimed.Attempts + 1,
            State = giveUp ? "failed" : "pending",
            NextAttemptAt = nextAttemptAt,
            Error = error.Length > 2000 ? error[..2000] : error,
            FailedAt = giveUp ? clock.GetUtcNow() : (DateTimeOffset?)null,
        }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>Gives up a claim without an attempt (e.g. on shutdown), so another instance may take the work at once.</summary>
    public async Task ReleaseAsync(string claimer, IEnumerable<long> reportIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(ScoringOutboxSql.Shared.Release, reportIds.Select(id => new { ReportId = id, Claimer = claimer }), cancellationToken: cancellationToken));
    }

    /// <summary>A person's retry of work that was given up: due at once, attempts from zero. False when it was not failed.</summary>
    public async Task<bool> RetryAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(ScoringOutboxSql.Shared.Retry, new { ReportId = reportId, Now = clock.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>How much work waits.</summary>
    public async Task<ScoringOutboxCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CountRow>(new CommandDefinition(ScoringOutboxSql.Shared.Counts, cancellationToken: cancellationToken));
        return new ScoringOutboxCounts((int)row.Waiting, (int)row.Retrying, (int)row.Failed);
    }

    /// <summary>Work given up, latest first, with the reason.</summary>
    public async Task<IReadOnlyList<ScoringOutboxItem>> FailedAsync(int take, CancellationToken cancellationToken = default)
    {
        var sql = dataSource.Provider == StoreProvider.Sqlite ? ScoringOutboxSql.Sqlite.SelectFailed : ScoringOutboxSql.SqlServer.SelectFailed;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ItemRow>(new CommandDefinition(sql, new { Take = take }, cancellationToken: cancellationToken))).Select(r => r.ToItem()).ToList();
    }

    /// <summary>One referral's work, or null when it is not in the outbox (scored, or never stored).</summary>
    public async Task<ScoringOutboxItem?> GetAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ItemRow>(new CommandDefinition(ScoringOutboxSql.Shared.SelectOne, new { ReportId = reportId }, cancellationToken: cancellationToken));
        return row?.ToItem();
    }

    private sealed class ClaimRow
    {
        public long ReportId { get; init; }

        public int Attempts { get; init; }

        public string? TraceParent { get; init; }
    }

    private sealed class CountRow
    {
        public long Waiting { get; init; }

        public long Retrying { get; init; }

        public long Failed { get; init; }
    }

    private sealed class ItemRow
    {
        public long ReportId { get; init; }

        public string State { get; init; } = "";

        public int Attempts { get; init; }

        public DateTimeOffset NextAttemptAt { get; init; }

        public string? LastError { get; init; }

        public string? ClaimedBy { get; init; }

        public DateTimeOffset? ClaimedUntil { get; init; }

        public DateTimeOffset? FailedAt { get; init; }

        public ScoringOutboxItem ToItem() => new(ReportId, State, Attempts, NextAttemptAt, LastError, ClaimedBy, ClaimedUntil, FailedAt);
    }
}
