using Dapper;

namespace Katalyst.Referrals.Store.Analysis;

/// <summary>A referral file whose bytes are stored but not analysed yet.</summary>
public sealed record UnanalysedFile(long ReportId, string FileId, string Sha256, string Md5, string Sha1)
{
    /// <summary>The W3C traceparent of the referral's own trace (kept from intake until it is scored), or null.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>Keeps each referral file's media analysis (<c>file_analysis</c>, migration 0012), written once.</summary>
public sealed class FileAnalysisStore(StoreDataSource dataSource)
{
    /// <summary>Files with bytes and no analysis yet, by report and file id.</summary>
    public async Task<IReadOnlyList<UnanalysedFile>> UnanalysedAsync(int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var sql = dataSource.Provider == StoreProvider.Sqlite ? FileAnalysisSql.Sqlite.SelectUnanalysed : FileAnalysisSql.SqlServer.SelectUnanalysed;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<UnanalysedRow>(new CommandDefinition(sql, new { Take = take }, cancellationToken: cancellationToken)))
            .Select(r => new UnanalysedFile(r.ReportId, r.FileId, r.Sha256, r.Md5, r.Sha1)).AsList();
    }

    /// <summary>
    /// Stores an analysis, with its media signals in the same transaction, unless the file already has one (then the
    /// stored one stays); true when stored.
    /// </summary>
    public async Task<bool> SaveAsync(StoredFileAnalysis analysis, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await connection.ExecuteAsync(new CommandDefinition(FileAnalysisSql.Shared.InsertOnce, analysis, transaction, cancellationToken: cancellationToken)) == 1;
        if (stored && analysis.MediaSignals is { } signals)
        {
            await FileMediaSignalsStore.WriteAsync(connection, transaction, analysis.ReportId, analysis.FileId, signals, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>The stored analyses of one referral's files, by file id.</summary>
    public async Task<IReadOnlyDictionary<string, StoredFileAnalysis>> ForReferralAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(FileAnalysisSql.Shared.SelectForReferral, new { ReportId = reportId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.FileId, r => new StoredFileAnalysis(
            r.ReportId, r.FileId, r.Sha256, r.Md5, r.Sha1, r.ByteLength, r.IsImage, r.ImageProblem, r.Pdq, r.Quality, r.Verdict,
            r.MatchSet, r.MatchCategory, r.MatchSource, r.MatchType, r.MatchDistance, r.AnalysedAt), StringComparer.Ordinal);
    }

    private sealed class UnanalysedRow
    {
        public long ReportId { get; init; }

        public string FileId { get; init; } = "";

        public string Sha256 { get; init; } = "";

        public string Md5 { get; init; } = "";

        public string Sha1 { get; init; } = "";
    }

    private sealed class Row
    {
        public long ReportId { get; init; }

        public string FileId { get; init; } = "";

        public string Sha256 { get; init; } = "";

        public string Md5 { get; init; } = "";

        public string Sha1 { get; init; } = "";

        public long ByteLength { get; init; }

        public bool IsImage { get; init; }

        public string? ImageProblem { get; init; }

        public string? Pdq { get; init; }

        public int? Quality { get; init; }

        public string Verdict { get; init; } = "";

        public string? MatchSet { get; init; }

        public string? MatchCategory { get; init; }

        public string? MatchSource { get; init; }

        public string? MatchType { get; init; }

        public int? MatchDistance { get; init; }

        public DateTimeOffset AnalysedAt { get; init; }
    }
}
