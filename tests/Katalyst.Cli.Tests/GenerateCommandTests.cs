namespace Katalyst.Cli.Tests;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Generate_CountAndSeed_WritesPackagesAndGroundTruth()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "generate", "--count", "12", "--seed", "9", "--out", "g", "--media");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(12, Directory.GetDirectories(work["g"]).Length);
        Assert.True(File.Exists(work["g/labels.csv"]));
        Assert.True(File.Exists(work["g/known-hashes.csv"]));
        Assert.True(File.Exists(work["g/subjects.csv"]));
        Assert.NotEmpty(Directory.EnumerateFiles(work["g"], "*.png", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(work["g"], "*.jpg", SearchOption.AllDirectories)));
    }

    [Fact]
    public async Task Generate_CountZero_FailsNamingTheOption()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "generate", "--count", "0", "--out", "g");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--count must be at least 1", result.All, StringComparison.Ordinal);
        Assert.False(Directory.Exists(work["g"]));
    }
}
