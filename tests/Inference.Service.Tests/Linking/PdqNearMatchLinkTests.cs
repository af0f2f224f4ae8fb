using Katalyst.Inference.Tests.Media;
using Katalyst.Inference.Tests.Telemetry;
using Katalyst.Media.Pdq;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Scoring;
using SkiaSharp;

namespace Katalyst.Inference.Tests.Linking;

/// <summary>
/// PDQ near-match links end to end: referrals with drawn pictures imported into a real SQLite store, their files
/// analysed by the real inference service over a real channel (which stores each analysis and the referral's pdq
/// identifiers), then the linking outbox drained as the portal does.
/// </summary>
public sealed class PdqNearMatchLinkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnalyseThenLink_NearDuplicatePictures_LinkedThroughPdqWithTheDistanceInTheDetail()
    {
        using var picture = DrawnImages.Draw(seed: 61);
        using var smaller = DrawnImages.Resize(picture, 90);
        await using var store = await PictureReferrals.CreateAsync(
            [("png", DrawnImages.Encode(picture)), ("jpg", DrawnImages.Encode(smaller, SKEncodedImageFormat.Jpeg, 80))], Ct);

        await AnalyseAndLinkAsync(store);

        var analyses = await store.AnalysesAsync(Ct);
        Assert.All(analyses, a => Assert.True(a.Quality >= 50, $"report {a.ReportId}: drawn picture hashed with quality {a.Quality}"));
        var distance = PdqHash.Parse(analyses[0].Pdq!).DistanceTo(PdqHash.Parse(analyses[1].Pdq!));
        Assert.InRange(distance, 1, 31); // a near duplicate, not an identical hash
        var (first, second) = (PictureReferrals.ReportId(0), PictureReferrals.ReportId(1));
        var link = Assert.Single(await store.ActivePdqLinksAsync(Ct));
        Assert.Equal((first, second), (Math.Min(link.ReportA, link.ReportB), Math.Max(link.ReportA, link.ReportB)));
        Assert.Equal(analyses[0].Pdq, link.Value); // the first file's hash, which the second carries as its near match
        var near = Assert.Single(await store.PdqIdentifiersAsync(Ct), i => i.ReportId == second && i.Value == link.Value);
        Assert.Equal($"near match of {first} file f1, distance {distance}", near.Detail);
        Assert.Equal(await store.SubjectOfAsync(first, Ct), await store.SubjectOfAsync(second, Ct));
    }

    [Fact]
    public async Task AnalyseThenLink_UnrelatedPictures_NotLinkedAndEachCarriesOnlyItsOwnPdq()
    {
        using var one = DrawnImages.Draw(seed: 71);
        using var other = DrawnImages.Draw(seed: 72);
        await using var store = await PictureReferrals.CreateAsync([("png", DrawnImages.Encode(one)), ("png", DrawnImages.Encode(other))], Ct);

        await AnalyseAndLinkAsync(store);

        var analyses = await store.AnalysesAsync(Ct);
        Assert.All(analyses, a => Assert.True(a.Quality >= 50, $"report {a.ReportId}: drawn picture hashed with quality {a.Quality}"));
        Assert.True(PdqHash.Parse(analyses[0].Pdq!).DistanceTo(PdqHash.Parse(analyses[1].Pdq!)) > 31, "the two drawn pictures are near duplicates");
        Assert.Empty(await store.ActivePdqLinksAsync(Ct));
        Assert.Equal(analyses.Select(a => (a.ReportId, a.Pdq!)), (await store.PdqIdentifiersAsync(Ct)).Select(i => (i.ReportId, i.Value)));
        Assert.All(await store.PdqIdentifiersAsync(Ct), i => Assert.Null(i.Detail));
        Assert.NotEqual(await store.SubjectOfAsync(PictureReferrals.ReportId(0), Ct), await store.SubjectOfAsync(PictureReferrals.ReportId(1), Ct));
    }

    [Fact]
    public async Task AnalyseThenLink_PictureInMoreReferralsThanThePdqThreshold_LinksNothingAndIsRecordedAsIgnored()
    {
        // The same pixels as PNG at five compression settings: five different files (no shared SHA-256 or MD5), one PDQ.
        var threshold = new LinkingOptions().ThresholdFor(IdentifierKinds.Pdq);
        using var picture = DrawnImages.Draw(seed: 81);
        var copies = Enumerable.Range(0, threshold + 2).Select(i => ("png", EncodePng(picture, zlibLevel: 9 - i))).ToList();
        Assert.Equal(copies.Count, copies.Select(c => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(c.Item2))).Distinct().Count());
        await using var store = await PictureReferrals.CreateAsync(copies, Ct);

        await AnalyseAndLinkAsync(store);

        var analyses = await store.AnalysesAsync(Ct);
        var pdq = Assert.Single(analyses.Select(a => a.Pdq).Distinct());
        Assert.Empty(await store.ActivePdqLinksAsync(Ct));
        Assert.NotEmpty(await store.QueryAsync<long>("SELECT link_id FROM referral_links WHERE kind = 'pdq' AND retracted_at IS NOT NULL", Ct)); // linked, then retracted
        var ignored = await store.QueryAsync<(long ReportId, long Count)>(
            "SELECT report_id, referral_count FROM referral_ignored_identifiers WHERE kind = 'pdq' AND value = @Pdq ORDER BY report_id", Ct, new { Pdq = pdq });
        Assert.Equal(analyses.Select(a => a.ReportId), ignored.Select(i => i.ReportId));
        Assert.All(ignored, i => Assert.True(i.Count > threshold, $"report {i.ReportId} recorded count {i.Count}"));
        var subjects = await Task.WhenAll(analyses.Select(a => store.SubjectOfAsync(a.ReportId, Ct)));
        Assert.Equal(subjects.Length, subjects.Distinct().Count());
    }

    [Fact]
    public async Task AnalyseThenLink_FlatPicture_GivesNoPdqIdentifier()
    {
        using var flat = new SKBitmap(320, 240, SKColorType.Rgba8888, SKAlphaType.Opaque);
        flat.Erase(new SKColor(128, 128, 128));
        await using var store = await PictureReferrals.CreateAsync([("png", DrawnImages.Encode(flat)), ("png", DrawnImages.Encode(flat, SKEncodedImageFormat.Jpeg))], Ct);

        await AnalyseAndLinkAsync(store);

        var analyses = await store.AnalysesAsync(Ct);
        Assert.All(analyses, a => Assert.True(a is { Pdq: not null, Quality: < 50 }, $"report {a.ReportId}: PDQ {a.Pdq} quality {a.Quality}"));
        Assert.Empty(await store.PdqIdentifiersAsync(Ct));
        Assert.Empty(await store.QueryAsync<long>("SELECT seq FROM file_pdq_hashes", Ct));
        Assert.Empty(await store.ActivePdqLinksAsync(Ct));
    }

    [Fact]
    public async Task AnalyseThenLink_TwoClaimersAtOnce_EachReferralGetsItsIdentifiersOnce()
    {
        // 15 pictures (seeds whose drawings hash with quality 50 or more; seed 900 gives 41) and a near duplicate of each, 15 referrals apart: the first claimer's page of 25 files holds both
        // of the first pairs, and the last pairs are split between the two claimers analysing side by side.
        const int Pairs = 15;
        var pictures = Enumerable.Range(0, Pairs).Select(i => DrawnImages.Draw(seed: 901 + i)).ToList();
        var originals = pictures.Select(p => ("png", DrawnImages.Encode(p)));
        var copies = pictures.Select(p =>
        {
            using var smaller = DrawnImages.Resize(p, 90);
            return ("jpg", DrawnImages.Encode(smaller, SKEncodedImageFormat.Jpeg, 80));
        });
        await using var store = await PictureReferrals.CreateAsync([.. originals, .. copies], Ct);
        pictures.ForEach(p => p.Dispose());
        using var server = new KestrelInferenceServer();
        using var client = new ScoringClient(server.GrpcAddress);

        var runs = await Task.WhenAll(
            new FileAnalysisRun(store.DataSource, store.Evidence, client, claimer: "portal-a").AnalyseUnanalysedAsync(cancellationToken: Ct),
            new FileAnalysisRun(store.DataSource, store.Evidence, client, claimer: "portal-b").AnalyseUnanalysedAsync(cancellationToken: Ct));
        await new LinkingRun(store.DataSource, new LinkingOptions()).DrainAsync(Ct);

        Assert.Equal(2 * Pairs, runs.Sum(r => r.Analysed));
        var analyses = await store.AnalysesAsync(Ct);
        Assert.All(analyses, a => Assert.True(a.Quality >= 50, $"report {a.ReportId}: drawn picture hashed with quality {a.Quality}"));
        Assert.Equal(2 * Pairs, (await store.QueryAsync<long>("SELECT seq FROM file_pdq_hashes", Ct)).Count);
        Assert.Empty(await store.QueryAsync<long>("SELECT seq FROM linking_outbox", Ct));
        var links = await store.ActivePdqLinksAsync(Ct);
        var identifiers = await store.PdqIdentifiersAsync(Ct);
        for (var i = 0; i < Pairs; i++)
        {
            var (original, copy) = (PictureReferrals.ReportId(i), PictureReferrals.ReportId(i + Pairs));
            var link = Assert.Single(links, l => l.ReportA == original || l.ReportB == original);
            Assert.Equal((original, copy), (Math.Min(link.ReportA, link.ReportB), Math.Max(link.ReportA, link.ReportB)));
            var (originalPdq, copyPdq) = (analyses.Single(a => a.ReportId == original).Pdq!, analyses.Single(a => a.ReportId == copy).Pdq!);
            Assert.Contains(identifiers, x => x.ReportId == original && x.Value == originalPdq);
            Assert.Contains(identifiers, x => x.ReportId == copy && x.Value == copyPdq);
            var near = Assert.Single(identifiers, x => x.Detail is not null && (x.ReportId == original || x.ReportId == copy)); // whichever was stored second
            Assert.Equal(near.ReportId == copy ? originalPdq : copyPdq, near.Value);
            // Its own hash and the near match, one identifier when the resized copy hashed exactly alike (distance 0).
            Assert.Equal(originalPdq == copyPdq ? 2 : 3, identifiers.Count(x => x.ReportId == original || x.ReportId == copy));
            Assert.Equal(await store.SubjectOfAsync(original, Ct), await store.SubjectOfAsync(copy, Ct));
        }

        Assert.Equal(Pairs, links.Count);
    }

    private static async Task AnalyseAndLinkAsync(PictureReferrals store)
    {
        using var server = new KestrelInferenceServer();
        using var client = new ScoringClient(server.GrpcAddress);
        var analysis = await new FileAnalysisRun(store.DataSource, store.Evidence, client).AnalyseUnanalysedAsync(cancellationToken: Ct);
        Assert.Empty(analysis.Problems);
        await new LinkingRun(store.DataSource, new LinkingOptions()).DrainAsync(Ct);
        Assert.Empty(await store.QueryAsync<long>("SELECT seq FROM linking_outbox", Ct)); // every pdq identifier linked
    }

    private static byte[] EncodePng(SKBitmap bitmap, int zlibLevel)
    {
        using var pixmap = bitmap.PeekPixels() ?? throw new InvalidOperationException("the drawn bitmap has no pixels");
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, zlibLevel))
            ?? throw new InvalidOperationException($"PNG encoding at zlib level {zlibLevel} failed");
        return data.ToArray();
    }
}
