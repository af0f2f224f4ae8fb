using Dapper;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Linking.Pdq;

namespace Katalyst.Referrals.Store.Analysis;

/// <summary>
/// Claims on files to analyse (<c>file_analysis_claims</c>, migration 0014): a lease in the database, as the scoring
/// outbox's, so any number of portal instances (and <c>katalyst import --score</c>) on one store share the media
/// analysis without sending a file to the service twice. Storing an analysis with a usable PDQ also gives its referral
/// its pdq identifiers, in the same transaction (<see cref="PdqNearMatchLinking"/>).
/// </summary>
/// <param name="dataSource">The store.</param>
/// <param name="time">The clock (leases); the system's when null.</param>
/// <param name="pdqLinks">
/// The near-match linking that holds this process's PDQ index; when null, one of its own with the default
/// <see cref="LinkingOptions"/> (it loads the index from the store on the first usable PDQ).
/// </param>
public sealed class FileAnalysisClaimStore(StoreDataSource dataSource, TimeProvider? time = null, PdqNearMatchLinking? pdqLinks = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly PdqNearMatchLinking links = pdqLinks ?? new PdqNearMatchLinking(new LinkingOptions());

    /// <summary>
    /// Claims up to <paramref name="take"/> files whose bytes are stored, that have no analysis and that no live claim
    /// holds, for <paramref name="claimer"/> until <paramref name="lease"/> from now; by report and file id.
    /// </summary>
    public async Task<IReadOnlyList<UnanalysedFile>> ClaimAsync(string claimer, int take, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimer);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var sql = dataSource.Provider == StoreProvider.Sqlite ? FileAnalysisClaimSql.Sqlite.Claim : FileAnalysisClaimSql.SqlServer.Claim;
        var now = clock.GetUtcNow();
        var claim = new { Claimer = claimer, Until = now + lease, Now = now, Take = take };
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var claimed = (await connection.QueryAsync<Key>(new CommandDefinition(sql, claim, cancellationToken: cancellationToken))).Count();
        if (claimed == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<ClaimedRow>(new CommandDefinition(FileAnalysisClaimSql.Shared.SelectClaimed, claim, cancellationToken: cancellationToken));
        return rows.Select(r => new UnanalysedFile(r.ReportId, r.FileId, r.Sha256, r.Md5, r.Sha1) { TraceParent = r.TraceParent }).AsList();
    }

    /// <summary>
    /// Stores the analysis of a file <paramref name="claimer"/> holds and ends the claim, in one transaction; false
    /// (nothing stored) when the claim was lost to another instance after its lease lapsed, or the file already had an analysis.
    /// A stored analysis with a usable PDQ lists it and gives the referral its pdq identifiers in that transaction, and
    /// its media signals (<see cref="StoredFileAnalysis.MediaSignals"/>) are written in it too.
    /// </summary>
    public async Task<bool> CompleteAsync(string claimer, StoredFileAnalysis analysis, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (PdqNearMatchLinking.IsUsable(analysis))
        {
            await links.LockAsync(connection, transaction, dataSource.Provider, cancellationToken);
        }

        var key = new { analysis.ReportId, analysis.FileId, Claimer = claimer };
        if (await connection.ExecuteAsync(new CommandDefinition(FileAnalysisClaimSql.Shared.DeleteClaim, key, transaction, cancellationToken: cancellationToken)) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var stored = await connection.ExecuteAsync(new CommandDefinition(FileAnalysisSql.Shared.InsertOnce, analysis, transaction, cancellationToken: cancellationToken)) == 1;
        if (stored)
        {
            await links.AddAsync(connection, transaction, dataSource.Provider, analysis, cancellationToken);
            if (analysis.MediaSignals is { } signals)
            {
                await FileMediaSignalsStore.WriteAsync(connection, transaction, analysis.ReportId, analysis.FileId, signals, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Gives up claims without analysing (the service failed, or shutdown), so another instance may take the files at once.</summary>
    public async Task ReleaseAsync(string claimer, IEnumerable<UnanalysedFile> files, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            FileAnalysisClaimSql.Shared.DeleteClaim, files.Select(f => new { f.ReportId, f.FileId, Claimer = claimer }), cancellationToken: cancellationToken));
    }

    private sealed class Key
    {
        public long ReportId { get; init; }

        public string FileId { get; init; } = "";
    }

    private sealed class ClaimedRow
    {
        public long ReportId { get; init; }

        public string FileId { get; init; } = "";

        public string Sha256 { get; init; } = "";

        public string Md5 { get; init; } = "";

        public string Sha1 { get; init; } = "";

        public string? TraceParent { get; init; }
    }
}
