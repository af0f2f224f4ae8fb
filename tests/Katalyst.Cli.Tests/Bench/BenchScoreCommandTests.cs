namespace Katalyst.Cli.Tests.Bench;

/// <summary>`katalyst bench score` runs end to end against the real service (a tiny run: figures are not judged here).</summary>
public sealed class BenchScoreCommandTests(InferenceProcess service) : IClassFixture<InferenceProcess>
{
    [Fact]
    public async Task BenchScore_SmallRun_PrintsStreamThroughputAndLatencyPercentiles()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "score", "--server", service.Address, "--api-key", service.ApiKey, "--count", "500", "--rate", "50", "--seconds", "1");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches(@"ScoreStream \(1 at once\): 500 referrals in [\d.]+ s = [\d,]+ referrals/s", result.Output);
        Assert.Matches(@"Score at 50/s for 1 s: 50 calls, p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms", result.Output);
    }

    [Fact]
    public async Task BenchScore_ThreeStreams_EveryReferralAnsweredOnce()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(
            work.Path, "bench", "score", "--server", service.Address, "--api-key", service.ApiKey, "--count", "301", "--streams", "3", "--rate", "10", "--seconds", "1");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches(@"ScoreStream \(3 at once\): 301 referrals in [\d.]+ s", result.Output);
    }

    [Fact]
    public async Task BenchScore_ZeroCount_RefusedNamingTheOption()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "score", "--server", service.Address, "--api-key", service.ApiKey, "--count", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--count", result.All, StringComparison.Ordinal);
    }
}
