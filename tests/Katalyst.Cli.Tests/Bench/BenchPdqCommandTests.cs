namespace Katalyst.Cli.Tests.Bench;

/// <summary>`katalyst bench pdq` runs end to end (a tiny run: figures are not judged here).</summary>
public sealed class BenchPdqCommandTests
{
    [Fact]
    public async Task BenchPdq_SmallRun_PrintsEveryStepForBothSizes()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "pdq", "--repeat", "1", "--seconds", "0");

        Assert.True(result.ExitCode == 0, result.All);
        foreach (var size in new[] { "1024x1024", "4000x3000" })
        {
            foreach (var step in new[] { "hash", "hash, 8 dihedral", "decode", "decode \\+ hash" })
            {
                Assert.Matches($@"\| {size} JPEG \([\d,]+ KiB\) \| {step} \| [\d.]+ \| [\d.]+ \| \d+ \| [\d.]+ \| [\d.]+x \|", result.Output);
            }
        }
    }

    [Fact]
    public async Task BenchPdq_ZeroRepeat_RefusedNamingTheOption()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "pdq", "--repeat", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--repeat", result.All, StringComparison.Ordinal);
    }
}
