using System.Data.Common;
using Dapper;

namespace Katalyst.Referrals.Store.Analysis;

/// <summary>
/// Keeps each analysed file's media signals (<c>file_media_signals</c>, migration 0018), written once in the
/// transaction that stores the file's analysis (<see cref="WriteAsync"/>, the one write path: an image's summary now,
/// a video's max-over-frames summary later).
/// </summary>
public sealed class FileMediaSignalsStore(StoreDataSource dataSource)
{
    /// <summary>
    /// Writes <paramref name="signals"/> for one file inside <paramref name="transaction"/>, unless the file already has
    /// them (then the stored ones stay); true when written. The file's analysis must be stored first (a foreign key).
    /// </summary>
    public static async Task<bool> WriteAsync(
        DbConnection connection, DbTransaction transaction, long reportId, string fileId, FileMediaSignals signals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        if (signals.Frames < 1)
        {
            throw new ArgumentException($"report {reportId} file {fileId}: media signals cover {signals.Frames} frames; at least 1", nameof(signals));
        }

        var row = new
        {
            ReportId = reportId,
            FileId = fileId,
            signals.Frames,
            signals.Drawing,
            signals.Hentai,
            signals.Neutral,
            signals.Porn,
            signals.Sexy,
            signals.FaceCount,
            signals.TopFaceScore,
            signals.MinorProbability,
            signals.MinorFaceScore,
            signals.MinorApparentAge,
            Embedding = signals.Embedding is { } e ? FileMediaSignals.EmbeddingBytes(e) : null,
            signals.Problem,
        };
        return await connection.ExecuteAsync(new CommandDefinition(FileMediaSignalsSql.Shared.InsertOnce, row, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The stored media signals of one referral's files, by file id, without their embeddings.</summary>
    public async Task<IReadOnlyDictionary<string, FileMediaSignals>> ForReferralAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(FileMediaSignalsSql.Shared.SelectForReferral, new { ReportId = reportId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.FileId, r => new FileMediaSignals(
            r.Frames, F(r.Drawing), F(r.Hentai), F(r.Neutral), F(r.Porn), F(r.Sexy), r.FaceCount, F(r.TopFaceScore),
            F(r.MinorProbability), F(r.MinorFaceScore), F(r.MinorApparentAge), null, r.Problem), StringComparer.Ordinal);
    }

    /// <summary>One file's stored embedding; null when it has none (or no media signals).</summary>
    public async Task<float[]?> EmbeddingAsync(long reportId, string fileId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var bytes = await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            FileMediaSignalsSql.Shared.SelectEmbedding, new { ReportId = reportId, FileId = fileId }, cancellationToken: cancellationToken));
        return bytes is null ? null : FileMediaSignals.EmbeddingFloats(bytes);
    }

    // REAL comes back as a double from SQLite and as a float from SQL Server; stored from float, so exact either way.
    private static float? F(double? value) => value is { } v ? (float)v : null;

    private sealed class Row
    {
        public string FileId { get; init; } = "";

        public int Frames { get; init; }

        public double? Drawing { get; init; }

        public double? Hentai { get; init; }

        public double? Neutral { get; init; }

        public double? Porn { get; init; }

        public double? Sexy { get; init; }

        public int? FaceCount { get; init; }

        public double? TopFaceScore { get; init; }

        public double? MinorProbability { get; init; }

        public double? MinorFaceScore { get; init; }

        public double? MinorApparentAge { get; init; }

        public string? Problem { get; init; }
    }
}
