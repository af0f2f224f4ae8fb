using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store.Analysis;
using Katalyst.Referrals.Tests.Intake;

namespace Katalyst.Referrals.Tests.Store.Analysis;

public sealed class FileAnalysisStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnanalysedAsync_FilesWithBytes_ListedUntilStored()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, (501, true), (502, false));
        var analyses = new FileAnalysisStore(store.DataSource);

        var pending = Assert.Single(await analyses.UnanalysedAsync(10, Ct));
        Assert.Equal(501, pending.ReportId);

        Assert.True(await analyses.SaveAsync(Row(pending, "new"), Ct));

        Assert.Empty(await analyses.UnanalysedAsync(10, Ct));
    }

    [Fact]
    public async Task OutboxClaim_AfterAnalysis_TakesAReferralOnlyOnceEveryReceivedFileIsAnalysed()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, (501, true), (502, false));
        var analyses = new FileAnalysisStore(store.DataSource);
        var outbox = new Katalyst.Referrals.Store.Outbox.ScoringOutboxStore(store.DataSource);
        var lease = TimeSpan.FromMinutes(5);

        var first = await outbox.ClaimAsync("a", 10, lease, afterAnalysis: true, Ct);
        Assert.True(await analyses.SaveAsync(Row(Assert.Single(await analyses.UnanalysedAsync(10, Ct)), "new"), Ct));
        var second = await outbox.ClaimAsync("a", 10, lease, afterAnalysis: true, Ct);

        Assert.Equal([502L], first.Select(c => c.ReportId));
        Assert.Equal([501L], second.Select(c => c.ReportId));
    }

    [Fact]
    public async Task OutboxClaim_AnalysisNotAwaited_TakesEveryDueReferral()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, (501, true), (502, false));

        var claimed = await new Katalyst.Referrals.Store.Outbox.ScoringOutboxStore(store.DataSource).ClaimAsync("a", 10, TimeSpan.FromMinutes(5), afterAnalysis: false, Ct);

        Assert.Equal([501L, 502L], claimed.Select(c => c.ReportId));
    }

    [Fact]
    public async Task SaveAsync_FileAlreadyAnalysed_KeepsTheFirstAnswer()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, (601, true));
        var analyses = new FileAnalysisStore(store.DataSource);
        var pending = Assert.Single(await analyses.UnanalysedAsync(10, Ct));

        Assert.True(await analyses.SaveAsync(Row(pending, FileVerdicts.Known, "ncmec", 12), Ct));
        Assert.False(await analyses.SaveAsync(Row(pending, FileVerdicts.New), Ct));

        var stored = (await analyses.ForReferralAsync(601, Ct))[pending.FileId];
        Assert.Equal((FileVerdicts.Known, "ncmec", 12, false), (stored.Verdict, stored.MatchSet, stored.MatchDistance, stored.IsExactMatch));
        Assert.Equal((pending.Sha256, pending.Md5), (stored.Sha256, stored.Md5));
    }

    [Fact]
    public void From_ExactAndPdqMatches_KeepsTheNearestPreferringExact()
    {
        var result = new MediaAnalysisResult("m", "s1", "s256", 10, MediaImageStatus.Image, "", new string('0', 64), 90,
            [new MediaMatch("pdq", "a", "B1", "", 0, new string('0', 64)), new MediaMatch("md5", "b", "A1", "NCMEC", 0, "m"), new MediaMatch("pdq", "c", "A2", "", 9, "x")]);

        var row = StoredFileAnalysis.From(1, "f", result, DateTimeOffset.UnixEpoch);

        Assert.Equal((FileVerdicts.Known, "md5", "b", "A1", 0), (row.Verdict, row.MatchType, row.MatchSet, row.MatchCategory, row.MatchDistance));
    }

    [Theory]
    [InlineData(MediaImageStatus.Image, FileVerdicts.New)]
    [InlineData(MediaImageStatus.NotImage, FileVerdicts.NotImage)]
    [InlineData(MediaImageStatus.Unreadable, FileVerdicts.Unreadable)]
    [InlineData(MediaImageStatus.TooLarge, FileVerdicts.Unreadable)]
    public void Of_NoMatches_VerdictFromWhatTheBytesWere(MediaImageStatus image, string expected) =>
        Assert.Equal(expected, FileVerdicts.Of(new MediaAnalysisResult("m", "s1", "s256", 10, image, "", null, null, [])));

    private static StoredFileAnalysis Row(UnanalysedFile file, string verdict, string? set = null, int? distance = null) => new(
        file.ReportId, file.FileId, file.Sha256, file.Md5, file.Sha1, 10, true, null, new string('f', 64), 80, verdict,
        set, set is null ? null : "A1", null, set is null ? null : "pdq", distance, DateTimeOffset.UtcNow);

    private static async Task ImportAsync(TempStore store, params (long ReportId, bool WithFile)[] referrals)
    {
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        foreach (var (reportId, withFile) in referrals)
        {
            packages.Write(reportId, withFile: withFile);
        }

        Assert.Equal(referrals.Length, (await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct)).Imported);
    }
}
