using Dapper;
using Katalyst.Media.Pdq;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Analysis;
using Katalyst.Referrals.Tests.Intake;
using Katalyst.Referrals.Tests.Store;

namespace Katalyst.Referrals.Tests.Linking;

/// <summary>
/// Storing an analysis with a usable PDQ puts the referral's pdq identifiers into the linking outbox, in that
/// transaction: merged into the row of a referral still waiting, or a new row for one linked already, which then links
/// through those identifiers only. Two referrals share a screen name (PackageBuilder's report), so intake links them.
/// </summary>
public sealed class PdqOutboxTests
{
    private static readonly PdqHash Picture = PdqHash.Parse("f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CompleteAsync_ReferralLinkedAlready_NewRowLinksOnlyThePdqIdentifiers()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = Packages(store);
        Assert.Equal(2, (await store.Importer().ImportAsync(packages, cancellationToken: Ct)).Imported); // stored and linked
        var before = await LinksAsync(store);
        Assert.NotEmpty(before);

        await CompleteAsync(store, (1001, Picture), (1002, Flip(Picture, 5)));
        Assert.Equal([1001L, 1002L], await QueryAsync<long>(store, "SELECT report_id FROM linking_outbox ORDER BY seq"));
        await new LinkingRun(store.DataSource, new LinkingOptions()).DrainAsync(Ct);

        var after = await LinksAsync(store);
        Assert.Equal(before.Count + 1, after.Count); // the earlier links are not made again
        Assert.Equal(before, after.Where(l => l.Kind != IdentifierKinds.Pdq));
        Assert.Equal((1001L, 1002L, Picture.ToString()), after.Where(l => l.Kind == IdentifierKinds.Pdq).Select(l => (l.A, l.B, l.Value)).Single());
        var detail = await QueryAsync<string>(store, "SELECT detail FROM referral_identifiers WHERE report_id = 1002 AND kind = 'pdq' AND detail IS NOT NULL");
        Assert.Equal("near match of 1001 file f1, distance 5", Assert.Single(detail));
    }

    [Fact]
    public async Task CompleteAsync_ReferralStillWaiting_MergedIntoItsRowAndLinkedWithIt()
    {
        await using var store = await TempStore.CreateAsync();
        await StoreWithoutLinkingAsync(store, Packages(store));

        await CompleteAsync(store, (1001, Picture), (1002, Picture));

        var waiting = await QueryAsync<(long ReportId, string Identifiers)>(store, "SELECT report_id, identifiers FROM linking_outbox ORDER BY report_id");
        Assert.Equal([1001L, 1002L], waiting.Select(w => w.ReportId)); // still one row each
        Assert.All(waiting, w => Assert.Contains(IdentifierJson.Parse(w.Identifiers, w.ReportId), i => i.Kind == IdentifierKinds.Pdq && i.Value == Picture.ToString()));
        Assert.All(waiting, w => Assert.Contains(IdentifierJson.Parse(w.Identifiers, w.ReportId), i => i.Kind == IdentifierKinds.ScreenName));
        await new LinkingRun(store.DataSource, new LinkingOptions()).DrainAsync(Ct);
        var links = await LinksAsync(store);
        Assert.Contains(links, l => (l.A, l.B, l.Kind) == (1001, 1002, IdentifierKinds.Pdq));
        Assert.Equal(links.Count, links.Distinct().Count());
        var detail = await QueryAsync<string>(store, "SELECT detail FROM referral_identifiers WHERE report_id = 1002 AND kind = 'pdq'");
        Assert.Equal("near match of 1001 file f1, distance 0", Assert.Single(detail)); // an exact-equal PDQ links the same way
    }

    private static string Packages(TempStore store)
    {
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        packages.Write(1001);
        packages.Write(1002);
        return packages.BatchFolder;
    }

    // What the writer does with linking on, without the import's drain: both referrals wait in the linking outbox.
    private static async Task StoreWithoutLinkingAsync(TempStore store, string folder)
    {
        var reader = new PackageReader(store.Evidence, new IntakeOptions());
        var linker = new ReferralLinker(new LinkingOptions(), StoreProvider.Sqlite);
        await using var connection = await store.DataSource.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        foreach (var package in PackageSource.Enumerate(folder))
        {
            using (package)
            {
                var referral = (await reader.ReadAsync(package, Ct)).Referral ?? throw new InvalidOperationException($"{package} did not parse");
                Assert.Equal(WriteOutcome.Imported, await ReferralWriter.WriteAsync(connection, transaction, referral, Ct, linker));
            }
        }

        await transaction.CommitAsync(Ct);
    }

    // Claims every file and stores an analysis with the given PDQ (quality 80) for each, in the order given.
    private static async Task CompleteAsync(TempStore store, params (long ReportId, PdqHash Pdq)[] analyses)
    {
        var claims = new FileAnalysisClaimStore(store.DataSource);
        var files = await claims.ClaimAsync("test", 10, TimeSpan.FromMinutes(5), Ct);
        foreach (var (reportId, pdq) in analyses)
        {
            var file = files.Single(f => f.ReportId == reportId);
            Assert.True(await claims.CompleteAsync("test", new StoredFileAnalysis(
                file.ReportId, file.FileId, file.Sha256, file.Md5, file.Sha1, 10, true, null, pdq.ToString(), 80, FileVerdicts.New,
                null, null, null, null, null, DateTimeOffset.UtcNow), Ct));
        }
    }

    private static PdqHash Flip(PdqHash hash, int bits) => hash with { Bits63To0 = hash.Bits63To0 ^ ((1UL << bits) - 1) };

    private static async Task<List<(long A, long B, string Kind, string Value)>> LinksAsync(TempStore store) =>
        await QueryAsync<(long A, long B, string Kind, string Value)>(store,
            "SELECT report_a, report_b, kind, value FROM referral_links WHERE retracted_at IS NULL ORDER BY link_id");

    private static async Task<List<T>> QueryAsync<T>(TempStore store, string sql)
    {
        await using var connection = await store.DataSource.OpenAsync(Ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: Ct))).AsList();
    }
}
