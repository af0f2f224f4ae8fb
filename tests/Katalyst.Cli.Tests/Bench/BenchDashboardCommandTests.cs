namespace Katalyst.Cli.Tests.Bench;

/// <summary>`katalyst bench dashboard` runs end to end on a small store (figures are not judged here).</summary>
public sealed class BenchDashboardCommandTests
{
    [Fact]
    public async Task BenchDashboard_SmallStore_PrintsReadAndCachedRowsPerScope()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "dashboard", "--referrals", "2000", "--db", "bench.db", "--runs", "2");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches(@"dashboard, whole agency \(12 months\)\s+[\d.]+\s+[\d.]+\s+[\d,]+", result.Output);
        Assert.Matches(@"dashboard, unit 7 \(12 months\), cached: first visit\s+[\d.]+", result.Output);
        Assert.Matches(@"dashboard, whole agency \(12 months\), cached: later visits\s+[\d.]+", result.Output);
    }

    [Fact]
    public async Task BenchDashboard_ZeroRuns_RefusedNamingTheOption()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "dashboard", "--runs", "0", "--db", "bench.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--runs", result.All, StringComparison.Ordinal);
    }
}
