namespace Katalyst.Cli.Tests.Bench;

/// <summary>`katalyst bench hashes` runs end to end on a small index (figures are not judged here; planted matches are).</summary>
public sealed class BenchHashesCommandTests
{
    [Fact]
    public async Task BenchHashes_SmallIndex_FindsEveryPlantedMatchAndPrintsFigures()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "hashes", "--count", "20000", "--queries", "50", "--seconds", "0.2");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches(@"index: 20,000 PDQ hashes, \d+ segments, built in [\d.]+ s", result.Output);
        Assert.Matches(@"memory: [\d.]+ bytes/entry", result.Output);
        Assert.Matches(@"radius 31, 1 thread\(s\): [\d,]+ queries in [\d.]+ s = [\d,]+ queries/s .*planted matches missed: 0", result.Output);
        Assert.Contains("every planted match found (200 planted", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchHashes_MoreQueriesThanEntries_RefusedNamingTheOptions()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "hashes", "--count", "10", "--queries", "50");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--count must be at least 4 × --queries", result.Error, StringComparison.Ordinal);
    }
}
