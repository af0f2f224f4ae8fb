using System.Data.Common;
using Dapper;
using Katalyst.Media.Pdq;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Analysis;

namespace Katalyst.Referrals.Linking.Pdq;

/// <summary>
/// Gives a referral its <c>pdq</c> identifiers when one of its files' analysis is stored with a usable PDQ (quality 50
/// or more), in the transaction that stores it: the file's own PDQ, and the PDQ of every file of another referral
/// within <see cref="LinkingOptions.PdqRadius"/>. They go into the referral's linking outbox row (merged into its JSON
/// while it waits, else a new row), so <see cref="LinkingRun"/> links them with the usual thresholds and retraction,
/// and the scoring claim waits for them. The file's PDQ joins <c>file_pdq_hashes</c> (migration 0017) in the same
/// transaction, so a stored analysis never misses its identifiers and never misses a file stored before it.
/// <para>
/// The near-neighbour search runs on an in-memory <see cref="PdqNeighbourIndex"/> loaded from <c>file_pdq_hashes</c>
/// on first use and refreshed, inside each storing transaction, with the rows after the last it saw (other portal
/// instances' analyses too). Storing transactions are serialised (SQLite's write lock; on SQL Server the application
/// lock <c>katalyst-linking-outbox</c>, which linking runs hold too), so two files analysed at once by two instances
/// still find each other: the second to store sees the first, and the index is never used by two threads at once.
/// One instance per process: it holds the index.
/// </para>
/// </summary>
/// <param name="options">The radius, the pdq threshold and whether linking is on (off: the PDQ is listed, no identifiers).</param>
public sealed class PdqNearMatchLinking(LinkingOptions options)
{
    /// <summary>Nearest hits whose files are read from the store per search (files of the same referral are dropped after).</summary>
    private const int MaxHitsRead = 1024;

    // Used only inside storing transactions, which the store serialises (see LockAsync): never by two threads at once.
    private readonly PdqNeighbourIndex index = new();

    /// <summary>The options in force.</summary>
    public LinkingOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Rows in the in-memory index now.</summary>
    public int IndexedFiles => index.Count;

    /// <summary>Whether <paramref name="analysis"/> has a PDQ that takes part in linking (quality 50 or more).</summary>
    public static bool IsUsable(StoredFileAnalysis analysis) =>
        analysis is { Pdq: not null, Quality: >= PdqIdentifiers.UsableQuality };

    /// <summary>
    /// First in the storing transaction (SQL Server): takes the linking application lock, so storing transactions and
    /// linking runs take turns. SQLite's transaction already holds the write lock.
    /// </summary>
    internal async Task LockAsync(DbConnection connection, DbTransaction transaction, StoreProvider provider, CancellationToken cancellationToken)
    {
        if (provider == StoreProvider.SqlServer)
        {
            await connection.ExecuteAsync(new CommandDefinition(LinkingOutboxSql.SqlServer.TakeLock, transaction: transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// After <paramref name="analysis"/> was stored in <paramref name="transaction"/> (under <see cref="LockAsync"/>):
    /// lists its PDQ and gives its referral the pdq identifiers it does not carry yet; returns how many were added.
    /// </summary>
    internal async Task<int> AddAsync(DbConnection connection, DbTransaction transaction, StoreProvider provider, StoredFileAnalysis analysis, CancellationToken cancellationToken)
    {
        if (!IsUsable(analysis))
        {
            return 0;
        }

        if (!PdqHash.TryParse(analysis.Pdq, out var hash, out var problem))
        {
            throw new InvalidOperationException($"file_analysis.pdq of report {analysis.ReportId} file {analysis.FileId} is not a PDQ hash: {problem}");
        }

        await RefreshAsync(connection, transaction, cancellationToken);
        var near = await NearMatchesAsync(connection, transaction, provider, analysis.ReportId, hash, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(PdqLinkSql.Shared.InsertHash,
            new { analysis.ReportId, analysis.FileId, Pdq = hash.ToString() }, transaction, cancellationToken: cancellationToken));
        return Options.Enabled
            ? await PdqOutbox.AddAsync(connection, transaction, analysis.ReportId, PdqIdentifiers.For(analysis.FileId, hash, near), cancellationToken)
            : 0;
    }

    // Reads the rows stored since the last look (all of them the first time) into the index.
    private async Task RefreshAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            PdqLinkSql.Shared.HashesSince, new { Since = index.LastSeq }, transaction, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var seq = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            if (!PdqHash.TryParse(reader.GetString(1), out var stored, out var problem))
            {
                throw new InvalidOperationException($"file_pdq_hashes row {seq} holds no PDQ hash: {problem}");
            }

            index.Add(seq, stored);
        }

        index.CompactIfLarge();
    }

    private async Task<List<PdqNearMatch>> NearMatchesAsync(
        DbConnection connection, DbTransaction transaction, StoreProvider provider, long reportId, PdqHash hash, CancellationToken cancellationToken)
    {
        var hits = index.Near(hash, Options.PdqRadius).Take(MaxHitsRead).ToDictionary(h => h.Seq, h => h.Distance);
        if (hits.Count == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<HashRow>(new CommandDefinition(
            provider == StoreProvider.Sqlite ? PdqLinkSql.Sqlite.HashRows : PdqLinkSql.SqlServer.HashRows,
            new { Seqs = $"[{string.Join(',', hits.Keys)}]" }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Where(r => r.ReportId != reportId).Select(r => new PdqNearMatch(r.ReportId, r.FileId, PdqHash.Parse(r.Pdq), hits[r.Seq]))];
    }

    private sealed class HashRow
    {
        public long Seq { get; init; }

        public long ReportId { get; init; }

        public string FileId { get; init; } = "";

        public string Pdq { get; init; } = "";
    }
}
