using System.Globalization;
using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Analysis;

namespace Katalyst.Portal.Tests.EndToEnd;

/// <summary>
/// Issue 5 "Done when": generated referrals with media, imported and analysed against the generator's known-hash list,
/// have every known-pool file marked known (exact, or near-duplicate through PDQ with its distance: every one of them) and
/// every other file new (a PDQ twin of a pool picture is counted and reported), scoring
/// waits for the analysis, and the referral page says so. Truth is the generator's own <c>file-sources.csv</c>.
/// </summary>
public sealed class MediaAnalysisAcceptanceTests(MediaAnalysisPortalServer server) : IClassFixture<MediaAnalysisPortalServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Analysis_GeneratedReferrals_ExactCopiesKnownNearDuplicatesKnownWithDistanceOthersNew()
    {
        var truth = await TruthAsync();
        var poolPdq = await PoolPdqAsync();
        var store = new FileAnalysisStore(server.DataSource);
        var (exact, fresh, collisions) = (0, 0, new List<string>());
        var near = new List<string>();
        foreach (var file in truth)
        {
            var analysis = (await store.ForReferralAsync(file.ReportId, Ct)).GetValueOrDefault(file.FileId);
            Assert.True(analysis is not null, $"report {file.ReportId} file {file.FileId} ({file.Source}) was not analysed");
            Assert.True(analysis.IsImage, $"report {file.ReportId} file {file.FileId}: {analysis.ImageProblem}");
            var what = $"report {file.ReportId} file {file.FileId} ({file.Source} {file.NearKind}): {analysis.Verdict} {analysis.MatchType} {analysis.MatchDistance}";
            switch (file.Source)
            {
                case "known-exact":
                    Assert.True(analysis.Verdict == FileVerdicts.Known && analysis.IsExactMatch && analysis.MatchDistance == 0, what);
                    Assert.Equal(MediaAnalysisPortalServer.SetName, analysis.MatchSet);
                    exact++;
                    break;
                case "near-duplicate":
                    // The generator's near-duplicates are what perceptual matching is meant to find: each has a usable PDQ
                    // (quality 50 or more) within the set's radius (31) of its original's, and is known through PDQ at that
                    // distance or nearer (another listed picture, or a turn of one, may be nearer still).
                    var distance = Distance(analysis.Pdq!, poolPdq[file.KnownIndex]);
                    Assert.True(distance <= 31 && analysis.Quality >= 50, $"{what}: {distance} from its original, quality {analysis.Quality}");
                    Assert.True(analysis.Verdict == FileVerdicts.Known && analysis.MatchType == "pdq" && analysis.MatchDistance <= distance, $"{what}, {distance} from its original");
                    Assert.Equal(MediaAnalysisPortalServer.SetName, analysis.MatchSet);
                    near.Add($"{file.NearKind} {analysis.MatchDistance}");
                    break;
                default:
                    // Never the same bytes as known material. The generator's simple patterns (two gradients of one
                    // direction, say) can be perceptual twins of a pool picture: such a PDQ match is counted and reported.
                    if (analysis.Verdict == FileVerdicts.Known)
                    {
                        Assert.True(analysis.MatchType == "pdq" && analysis.MatchDistance is > 0 and <= 31, what);
                        collisions.Add($"{analysis.MatchDistance} (quality {analysis.Quality})");
                    }
                    else
                    {
                        Assert.True(analysis.Verdict == FileVerdicts.New && analysis.MatchSet is null, what);
                        fresh++;
                    }

                    break;
            }
        }

        Assert.True(exact > 20 && near.Count > 20 && fresh > 3, $"exact {exact}, near-duplicates {near.Count}, new {fresh}");
        Assert.Equal(truth.Count, server.Analysis.Analysed);
        Assert.Empty(server.Analysis.Problems);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"exact {exact}, new {fresh}, new but a PDQ twin of a pool picture {collisions.Count}: {string.Join("; ", collisions)}; near-duplicates known {near.Count}: {string.Join("; ", near)}");
    }

    [Fact]
    public async Task Scoring_AfterAnalysis_EveryReferralScored()
    {
        Assert.Empty(server.Scoring.GaveUp);
        Assert.Equal(0, server.Scoring.Retrying);
        Assert.Empty(await new ReferralScoreStore(server.DataSource).UnscoredAsync(10, Ct));
    }

    [Fact]
    public async Task ReferralPage_NearDuplicateAndNewFiles_ShowsKnownWithDistanceAndNewMaterial()
    {
        var truth = await TruthAsync();
        var store = new FileAnalysisStore(server.DataSource);
        StoredFileAnalysis? near = null;
        var reportId = 0L;
        foreach (var group in truth.GroupBy(t => t.ReportId).Where(g => g.Any(t => t.Source == "new") && g.Any(t => t.Source == "known-exact")))
        {
            near = (await store.ForReferralAsync(group.Key, Ct)).Values.FirstOrDefault(a => a is { Verdict: FileVerdicts.Known, MatchType: "pdq", MatchDistance: > 0 });
            reportId = group.Key;
            if (near is not null)
            {
                break;
            }
        }

        Assert.NotNull(near);
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Supervisor);

        using var response = await client.GetAsync(new Uri($"referrals/{reportId}", UriKind.Relative), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Known: near-duplicate, distance {near.MatchDistance} ({MediaAnalysisPortalServer.SetName}/{near.MatchCategory})", html, StringComparison.Ordinal);
        Assert.Contains($"Known: {MediaAnalysisPortalServer.SetName}/", html, StringComparison.Ordinal);
        Assert.Contains("(exact)", html, StringComparison.Ordinal);
        Assert.Contains("New material", html, StringComparison.Ordinal);
        Assert.Contains($"PDQ {near.Pdq![..16]}… · quality {near.Quality}", html, StringComparison.Ordinal);
    }

    private static int Distance(string a, string b) =>
        Enumerable.Range(0, 4).Sum(i => System.Numerics.BitOperations.PopCount(
            ulong.Parse(a.AsSpan(i * 16, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture) ^ ulong.Parse(b.AsSpan(i * 16, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));

    // The generator's truth for every picture it wrote (videos are never written: nothing to analyse).
    private async Task<List<(long ReportId, string FileId, string Source, int KnownIndex, string NearKind)>> TruthAsync()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(server.BatchPath, "file-sources.csv"), Ct);
        return [.. lines.Skip(1).Select(l => l.Split(',')).Where(r => r[4] == "0")
            .Select(r => (long.Parse(r[0], CultureInfo.InvariantCulture), r[1], r[2], r[3].Length == 0 ? -1 : int.Parse(r[3], CultureInfo.InvariantCulture), r[5]))];
    }

    // The known pool's PDQ hashes by pool index, in the order the generator lists them.
    private async Task<List<string>> PoolPdqAsync() =>
        [.. (await File.ReadAllLinesAsync(Path.Combine(server.BatchPath, "known-hashes.csv"), Ct)).Where(l => l.StartsWith("PDQ,", StringComparison.Ordinal)).Select(l => l.Split(',')[1])];
}
