using Katalyst.Referrals.Store.Analysis;
using Katalyst.Referrals.Tests.Intake;

namespace Katalyst.Referrals.Tests.Store.Analysis;

/// <summary>The media analysis's claims (migration 0014): what keeps two portal instances from analysing one file twice.</summary>
public sealed class FileAnalysisClaimStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClaimAsync_TwoClaimersRacingOneFileAtATime_EveryFileClaimedOnce()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, 40);
        var claims = new FileAnalysisClaimStore(store.DataSource);

        var taken = await Task.WhenAll(Task.Run(() => ClaimAllAsync(claims, "portal-a"), Ct), Task.Run(() => ClaimAllAsync(claims, "portal-b"), Ct));

        var all = taken.SelectMany(t => t).Select(f => f.ReportId).ToList();
        Assert.Equal(Enumerable.Range(1001, 40).Select(i => (long)i), all.Order());
        Assert.All(taken, t => Assert.NotEmpty(t));
    }

    [Fact]
    public async Task CompleteAsync_ClaimLapsedAndTakenOver_FormerHolderStoresNothing()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, 1);
        var claims = new FileAnalysisClaimStore(store.DataSource);
        var file = Assert.Single(await claims.ClaimAsync("portal-a", 10, TimeSpan.FromMilliseconds(1), Ct));
        await Task.Delay(20, Ct);

        var takenOver = Assert.Single(await claims.ClaimAsync("portal-b", 10, Lease, Ct));

        Assert.Equal(file, takenOver);
        Assert.False(await claims.CompleteAsync("portal-a", Row(file, FileVerdicts.Known), Ct));
        Assert.True(await claims.CompleteAsync("portal-b", Row(file, FileVerdicts.New), Ct));
        Assert.Equal(FileVerdicts.New, (await new FileAnalysisStore(store.DataSource).ForReferralAsync(file.ReportId, Ct))[file.FileId].Verdict);
        Assert.Empty(await claims.ClaimAsync("portal-a", 10, Lease, Ct));
    }

    [Fact]
    public async Task ReleaseAsync_HeldClaim_AnotherClaimerTakesTheFileAtOnce()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, 1);
        var claims = new FileAnalysisClaimStore(store.DataSource);
        var file = Assert.Single(await claims.ClaimAsync("portal-a", 10, Lease, Ct));
        Assert.Empty(await claims.ClaimAsync("portal-b", 10, Lease, Ct));

        await claims.ReleaseAsync("portal-a", [file], Ct);

        Assert.Equal(file, Assert.Single(await claims.ClaimAsync("portal-b", 10, Lease, Ct)));
    }

    // Claims one file at a time until none is left; a file claimed twice by one claimer, or endless claiming, fails.
    private static async Task<List<UnanalysedFile>> ClaimAllAsync(FileAnalysisClaimStore claims, string claimer)
    {
        var taken = new List<UnanalysedFile>();
        while (await claims.ClaimAsync(claimer, 1, Lease, Ct) is [var file])
        {
            Assert.DoesNotContain(file, taken);
            taken.Add(file);
            await Task.Delay(5, Ct); // the analysis's time: SQLite's busy wait would otherwise let one claimer take everything
        }

        return taken;
    }

    private static StoredFileAnalysis Row(UnanalysedFile file, string verdict) => new(
        file.ReportId, file.FileId, file.Sha256, file.Md5, file.Sha1, 10, true, null, new string('f', 64), 80, verdict,
        null, null, null, null, null, DateTimeOffset.UtcNow);

    private static async Task ImportAsync(TempStore store, int count)
    {
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        for (var reportId = 1001; reportId < 1001 + count; reportId++)
        {
            packages.Write(reportId, withFile: true);
        }

        Assert.Equal(count, (await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct)).Imported);
    }
}
