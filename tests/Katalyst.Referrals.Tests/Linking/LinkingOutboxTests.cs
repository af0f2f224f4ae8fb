using Dapper;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store.Outbox;
using Katalyst.Referrals.Tests.Store;

namespace Katalyst.Referrals.Tests.Linking;

/// <summary>
/// Linking off the import's critical path: the writer leaves each referral in the linking outbox as its own subject,
/// and <see cref="LinkingRun"/> links waiting referrals in storing order, once, exactly as inline linking did.
/// </summary>
public sealed class LinkingOutboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_LinkerGiven_LeavesOneOutboxRowAndTheOwnSubjectButLinksNothing()
    {
        using var import = await StoppedImport.GenerateAsync(40, 1601);
        await using var store = await TempStore.CreateAsync();

        await import.StoreAsync(store);

        await using var connection = await store.DataSource.OpenAsync(Ct);
        var waiting = (await connection.QueryAsync<(long ReportId, string Identifiers)>(
            "SELECT report_id, identifiers FROM linking_outbox ORDER BY seq")).ToList();
        Assert.Equal(import.ReportIds, waiting.Select(w => w.ReportId)); // one row each, in storing order
        Assert.All(waiting, w => Assert.True(IdentifierJson.Count(w.Identifiers, w.ReportId) > 0, $"referral {w.ReportId} waits with no identifiers"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM referral_identifiers"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM referral_links"));

        // Every waiting referral is its own subject, so the export and every query see it.
        var subjects = await ExportAsync(store);
        Assert.Equal(import.ReportIds.Order(), subjects.Keys.Order());
        Assert.Equal(40, subjects.Values.Distinct().Count());
    }

    [Fact]
    public async Task DrainAsync_AfterAStoppedImport_SameSubjectsAndLinksAsInlineLinking()
    {
        using var import = await StoppedImport.GenerateAsync(300, 1602);
        await using var inline = await TempStore.CreateAsync();
        await import.StoreLinkedInlineAsync(inline);
        await using var deferred = await TempStore.CreateAsync();
        await import.StoreAsync(deferred);

        var linked = await new LinkingRun(deferred.DataSource, new LinkingOptions(), batchSize: 7).DrainAsync(Ct);

        Assert.Equal(300, linked);
        Assert.Equal(0, await ScalarAsync(deferred, "SELECT COUNT(*) FROM linking_outbox"));
        Assert.Equal(Groups(await ExportAsync(inline)), Groups(await ExportAsync(deferred)));
        var expectedLinks = await LinksAsync(inline);
        Assert.True(expectedLinks.Count > 20, $"only {expectedLinks.Count} links in 300 generated referrals: the comparison says little");
        Assert.Equal(expectedLinks, await LinksAsync(deferred)); // which referral links to which, and through what: storing order kept
        Assert.Equal(await IgnoredAsync(inline), await IgnoredAsync(deferred));
    }

    [Fact]
    public async Task ImportAsync_ReferralsLeftWaitingByAStoppedImport_LinkedByTheNextImport()
    {
        using var stopped = await StoppedImport.GenerateAsync(30, 1603);
        using var next = await StoppedImport.GenerateAsync(5, 1604);
        await using var store = await TempStore.CreateAsync();
        await stopped.StoreAsync(store);

        var summary = await store.Importer(linking: new LinkingOptions()).ImportAsync(next.Folder, cancellationToken: Ct);

        Assert.Equal((5, 35), (summary.Imported, summary.Linked));
        Assert.Equal(0, await ScalarAsync(store, "SELECT COUNT(*) FROM linking_outbox"));
        Assert.Equal(35, await ScalarAsync(store, "SELECT COUNT(DISTINCT report_id) FROM referral_identifiers"));
    }

    [Fact]
    public async Task ImportAsync_StoreRefusesLinking_EverythingStoredTheSummarySaysWhyAndTheNextDrainLinks()
    {
        using var import = await StoppedImport.GenerateAsync(12, 1606);
        await using var store = await TempStore.CreateAsync();
        const string refuse = "CREATE TRIGGER refuse_identifiers BEFORE INSERT ON referral_identifiers BEGIN SELECT RAISE(ABORT, 'identifiers volume offline'); END";
        Assert.Equal(0, await ScalarAsync(store, refuse + "; SELECT 0"));

        var summary = await store.Importer(linking: new LinkingOptions()).ImportAsync(import.Folder, cancellationToken: Ct);

        Assert.Equal((12, 0), (summary.Imported, summary.Linked));
        Assert.Contains("identifiers volume offline", summary.LinkingError, StringComparison.Ordinal);
        Assert.Contains(ImportSummaryText.Lines(summary), l => l.StartsWith("LINKING STOPPED: the store refused linking", StringComparison.Ordinal));
        Assert.Equal(12, await ScalarAsync(store, "SELECT COUNT(*) FROM referrals"));
        Assert.Equal(12, await ScalarAsync(store, "SELECT COUNT(*) FROM linking_outbox")); // nothing lost: all still waiting

        Assert.Equal(0, await ScalarAsync(store, "DROP TRIGGER refuse_identifiers; SELECT 0"));
        Assert.Equal(12, await new LinkingRun(store.DataSource, new LinkingOptions()).DrainAsync(Ct));
        Assert.Equal(0, await ScalarAsync(store, "SELECT COUNT(*) FROM linking_outbox"));
    }

    [Fact]
    public async Task DrainAsync_TwoRunsRacingOverOneStore_LinkEachReferralOnce()
    {
        using var import = await StoppedImport.GenerateAsync(200, 1605);
        await using var inline = await TempStore.CreateAsync();
        await import.StoreLinkedInlineAsync(inline);
        await using var store = await TempStore.CreateAsync();
        await import.StoreAsync(store);

        // Each on a thread of its own: Microsoft.Data.Sqlite waits for the write lock synchronously.
        var runs = Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => new LinkingRun(store.DataSource, new LinkingOptions(), batchSize: 5).DrainAsync(Ct), Ct))
            .ToList();
        var linked = await Task.WhenAll(runs);

        Assert.Equal(200, linked.Sum());
        Assert.Equal(0, await ScalarAsync(store, "SELECT COUNT(*) FROM linking_outbox"));
        Assert.Equal(await ScalarAsync(inline, "SELECT COUNT(*) FROM referral_identifiers"), await ScalarAsync(store, "SELECT COUNT(*) FROM referral_identifiers"));
        Assert.Equal(await LinksAsync(inline), await LinksAsync(store));
    }

    [Fact]
    public async Task ScoringClaim_ReferralWaitingToBeLinked_SkippedUntilLinked()
    {
        using var import = await StoppedImport.GenerateAsync(3, 1606);
        await using var store = await TempStore.CreateAsync();
        await import.StoreAsync(store);
        var outbox = new ScoringOutboxStore(store.DataSource);

        var whileWaiting = await outbox.ClaimAsync("a", 10, TimeSpan.FromMinutes(5), afterAnalysis: false, Ct);
        await new LinkingRun(store.DataSource, new LinkingOptions()).DrainAsync(Ct);
        var linked = await outbox.ClaimAsync("a", 10, TimeSpan.FromMinutes(5), afterAnalysis: false, Ct);

        Assert.Empty(whileWaiting);
        Assert.Equal(import.ReportIds.Order(), linked.Select(c => c.ReportId).Order());
    }

    private static async Task<Dictionary<long, long>> ExportAsync(TempStore store)
    {
        var found = new Dictionary<long, long>();
        await foreach (var row in new SubjectQueries(store.DataSource).ExportAsync(Ct))
        {
            found[row.ReportId] = row.SubjectId;
        }

        return found;
    }

    // Subjects as sets of members (ids differ between the two ways: a waiting referral's own subject is made when stored).
    private static List<string> Groups(Dictionary<long, long> subjects) =>
        [.. subjects.GroupBy(s => s.Value, s => s.Key).Select(g => string.Join(',', g.Order())).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> LinksAsync(TempStore store)
    {
        await using var connection = await store.DataSource.OpenAsync(Ct);
        var rows = await connection.QueryAsync<string>(
            "SELECT report_a || '>' || report_b || ' ' || kind || ' ' || value || ' ' || COALESCE(retracted_count, 0) FROM referral_links");
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> IgnoredAsync(TempStore store)
    {
        await using var connection = await store.DataSource.OpenAsync(Ct);
        var rows = await connection.QueryAsync<string>(
            "SELECT report_id || ' ' || kind || ' ' || value || ' ' || referral_count FROM referral_ignored_identifiers");
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private static async Task<long> ScalarAsync(TempStore store, string sql)
    {
        await using var connection = await store.DataSource.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
