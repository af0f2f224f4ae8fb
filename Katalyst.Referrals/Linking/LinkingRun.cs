using System.Data.Common;
using Katalyst.Referrals.Store;
using Microsoft.Data.Sqlite;

namespace Katalyst.Referrals.Linking;

/// <summary>
/// Links the referrals the writer left in the linking outbox (migration 0016), strictly in the order they were stored
/// (<c>seq</c>: link results depend on order), a batch per transaction: each referral is linked and its outbox row
/// deleted in that transaction, so it is linked once or still waits. Only one linker runs at a time across processes:
/// SQLite's write transaction (<c>BEGIN IMMEDIATE</c>) serialises, and on SQL Server the batch takes the exclusive
/// transaction-owned application lock <c>katalyst-linking-outbox</c> before it reads the outbox.
/// </summary>
public sealed class LinkingRun
{
    /// <summary>Referrals linked per transaction unless told otherwise.</summary>
    public const int DefaultBatchSize = 500;

    private readonly StoreDataSource dataSource;
    private readonly ReferralLinker linker;
    private readonly int batchSize;

    /// <summary>A run over <paramref name="dataSource"/> with the thresholds of <paramref name="options"/>.</summary>
    public LinkingRun(StoreDataSource dataSource, LinkingOptions options, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        linker = new ReferralLinker(options, dataSource.Provider);
    }

    /// <summary>Links every waiting referral (this import's and any a crashed one left); returns how many it linked.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var total = 0;
        int linked;
        while ((linked = await LinkBatchAsync(connection, cancellationToken)) > 0)
        {
            total += linked;
        }

        return total;
    }

    private async Task<int> LinkBatchAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sqlite = dataSource.Provider == StoreProvider.Sqlite;
        // Explicitly IMMEDIATE (Microsoft.Data.Sqlite's default too): the write lock is taken before the outbox is read,
        // so a second linker waits here instead of reading the same rows.
        await using var transaction = connection is SqliteConnection lite
            ? lite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(cancellationToken);
        var store = new LinkStore(connection, transaction, dataSource.Provider, cancellationToken);
        if (!sqlite)
        {
            await store.ExecuteAsync(LinkingOutboxSql.SqlServer.TakeLock);
        }

        var waiting = await store.QueryAsync(sqlite ? LinkingOutboxSql.Sqlite.Waiting : LinkingOutboxSql.SqlServer.Waiting,
            r => (Seq: LinkStore.Long(r, 0), ReportId: LinkStore.Long(r, 1), Identifiers: r.GetString(2)), ("@Take", batchSize));
        foreach (var (seq, reportId, identifiers) in waiting)
        {
            await linker.LinkWaitingAsync(store, reportId, identifiers);
            await store.ExecuteAsync(LinkingOutboxSql.Shared.Delete, ("@Seq", seq));
        }

        await transaction.CommitAsync(cancellationToken);
        return waiting.Count;
    }
}
