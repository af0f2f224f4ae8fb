using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Dapper;
using Katalyst.Portal.Intake;

namespace Katalyst.Portal.Tests.ScaleOut;

/// <summary>
/// Issue 9: two portal instances on one store share intake, media analysis, scoring and routing without doing any of
/// it twice (<see cref="TwoPortalRun"/>). Counts come from the store and from the service's own metrics.
/// </summary>
public sealed partial class TwoPortalTests(TwoPortalRun run) : IClassFixture<TwoPortalRun>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Import_SameBatchOnBothPortals_SummariesTogetherSayEachImportedOnceAndDuplicateOnce()
    {
        var shared = run.Jobs.Select(j => Counts(j.Shared)).ToList();
        var split = run.Jobs.Select(j => Counts(j.Split)).ToList();

        Assert.Equal((TwoPortalRun.SharedCount, TwoPortalRun.SharedCount), (shared.Sum(c => c.Imported), shared.Sum(c => c.Duplicates)));
        Assert.Equal(run.Split.Select(z => (z.ReportIds.Count, 0)), split);
    }

    [Fact]
    public async Task Import_TwoPortals_EveryReportStoredOnceWithAllItsFiles()
    {
        var expected = Expected().ToDictionary(p => p.ReportId);

        await using var connection = await run.Store.OpenAsync(Ct);
        var stored = (await connection.QueryAsync<(long ReportId, long Files, long WithBytes)>(
            "SELECT r.report_id, COUNT(f.file_id), COUNT(f.sha256) FROM referrals r LEFT JOIN referral_files f ON f.report_id = r.report_id GROUP BY r.report_id ORDER BY r.report_id")).ToList();

        Assert.Equal(run.ReportIds, stored.Select(s => s.ReportId));
        Assert.All(stored, s => Assert.Equal((expected[s.ReportId].Files, expected[s.ReportId].WithBytes), ((int)s.Files, (int)s.WithBytes)));
    }

    [Fact]
    public async Task Scoring_TwoPortals_EveryReferralScoredOnceByTheService()
    {
        await using var connection = await run.Store.OpenAsync(Ct);
        var scores = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM referral_scores");

        Assert.Equal(run.ReportIds.Count, ServiceMetrics.Sum(run.Metrics, ServiceMetrics.ReferralsScored));
        Assert.Equal(run.ReportIds.Count, scores);
    }

    [Fact]
    public async Task Analysis_TwoPortals_EveryFileAnalysedOnceByTheService()
    {
        var withBytes = Expected().Sum(p => p.WithBytes);

        await using var connection = await run.Store.OpenAsync(Ct);
        var analyses = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM file_analysis");
        var claims = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM file_analysis_claims");

        Assert.True(withBytes > run.ReportIds.Count, $"the generated referrals carry {withBytes} files with bytes: too few to share");
        Assert.Equal(withBytes, ServiceMetrics.Sum(run.Metrics, ServiceMetrics.Requests, ServiceMetrics.AnalyzeRoute));
        Assert.Equal((withBytes, 0L), (analyses, claims));
    }

    [Fact]
    public async Task Routing_TwoPortals_EveryReferralRoutedOnce()
    {
        var routedLogged = run.Portals.SelectMany(p => p.Logs.Entries).Select(e => RoutedEntry().Match(e)).Where(m => m.Success)
            .Sum(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        // A failed chunk (two instances storing one referral's location) or a claim taken over would be logged.
        var failures = run.Portals.SelectMany(p => p.Logs.Entries)
            .Where(e => e.Contains("Routing failed", StringComparison.Ordinal) || e.Contains("taken over by another instance", StringComparison.Ordinal)).ToList();

        await using var connection = await run.Store.OpenAsync(Ct);
        var located = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM referral_locations");
        var claims = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM referral_routing_claims");

        Assert.Equal((run.ReportIds.Count, 0L), (located, claims));
        Assert.Equal(run.ReportIds.Count, routedLogged);
        Assert.Empty(failures);
    }

    private static (int Imported, int Duplicates) Counts(ImportJob job)
    {
        Assert.Equal(ImportJobState.Finished, job.State);
        return (Count(job, "Imported:"), Count(job, "Duplicates:"));
    }

    private static int Count(ImportJob job, string label) =>
        int.Parse(Assert.Single(job.Lines, l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    // Per package in the uploads: its files (a details document each) and those whose bytes came too.
    private IEnumerable<(long ReportId, int Files, int WithBytes)> Expected() =>
        new[] { run.Shared }.Concat(run.Split).SelectMany(zip =>
        {
            using var archive = ZipFile.OpenRead(zip.Path);
            return archive.Entries.Select(e => e.FullName.Split('/')).Where(p => p.Length == 3 && p[1] == "files")
                .GroupBy(p => long.Parse(p[0], CultureInfo.InvariantCulture))
                .Select(g => (g.Key, g.Count(p => p[2].EndsWith(".xml", StringComparison.Ordinal)), g.Count(p => !p[2].EndsWith(".xml", StringComparison.Ordinal))))
                .ToList();
        });

    [GeneratedRegex(@"UnroutedReferralRouting: Routed (?<n>\d+) referrals")]
    private static partial Regex RoutedEntry();
}
