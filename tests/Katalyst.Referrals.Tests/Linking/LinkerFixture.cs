using System.Data.Common;
using Dapper;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Tests.Store;

namespace Katalyst.Referrals.Tests.Linking;

/// <summary>A real SQLite store where referral rows are added bare and linked straight through <see cref="ReferralLinker"/>.</summary>
internal sealed class LinkerFixture : IAsyncDisposable
{
    private LinkerFixture(TempStore store, LinkingOptions options)
    {
        Store = store;
        Linker = new ReferralLinker(options, StoreProvider.Sqlite);
    }

    public TempStore Store { get; }

    public ReferralLinker Linker { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<LinkerFixture> CreateAsync(LinkingOptions? options = null) =>
        new(await TempStore.CreateAsync(), options ?? new LinkingOptions());

    /// <summary>Stores a bare referral and links it by the given identifiers (kind, value) in one transaction.</summary>
    public async Task<LinkOutcome> AddAsync(long reportId, params (string Kind, string Value)[] identifiers)
    {
        await using var connection = await Store.DataSource.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var outcome = await AddAsync(connection, transaction, reportId, identifiers);
        await transaction.CommitAsync(Ct);
        return outcome;
    }

    /// <summary>Stores a bare referral and links it on the caller's connection and transaction (the importer's way).</summary>
    public async Task<LinkOutcome> AddAsync(DbConnection connection, DbTransaction transaction, long reportId, params (string Kind, string Value)[] identifiers)
    {
        await connection.ExecuteAsync("""
            INSERT INTO referrals (report_id, received_at, report_type, country, incident_type, incident_at, escalated,
                                   file_count, package_sha256, manifest_json, report_xml, imported_at)
            VALUES (@ReportId, '2026-11-01T00:00:00Z', 'referral', 'PK', 'x', '2026-11-01T00:00:00Z', 0, 0, 'x', '{}', '<report/>', '2026-11-01T00:00:00Z')
            """, new { ReportId = reportId }, transaction);
        return await Linker.LinkAsync(connection, transaction, reportId,
            identifiers.Select(i => new ReferralIdentifier(i.Kind, i.Value, i.Value, "test")).ToList(), Ct);
    }

    /// <summary>The stored subjects, each as its sorted report numbers, sorted by the first.</summary>
    public async Task<long[][]> SubjectsAsync()
    {
        var rows = new List<ReferralSubject>();
        await foreach (var row in new SubjectQueries(Store.DataSource).ExportAsync(Ct))
        {
            rows.Add(row);
        }

        return [.. rows.GroupBy(r => r.SubjectId, r => r.ReportId).Select(g => g.Order().ToArray()).OrderBy(g => g[0])];
    }

    public async Task<T> ScalarAsync<T>(string sql, object? values = null)
    {
        await using var connection = await Store.DataSource.OpenAsync(Ct);
        return (await connection.ExecuteScalarAsync<T>(sql, values))!;
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
