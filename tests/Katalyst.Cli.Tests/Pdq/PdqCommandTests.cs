namespace Katalyst.Cli.Tests.Pdq;

/// <summary><c>katalyst pdq</c> on the lossless reference vectors (read in place from shared/data/pdq, never copied).</summary>
public sealed class PdqCommandTests
{
    private static string Vectors => Path.Combine(SharedFolder.Root, "data", "pdq", "vectors");

    // file -> (hash, quality, eight dihedral hashes, dihedral quality), from expected/core-vectors.csv.
    private static Dictionary<string, string[]> Expected() => File.ReadLines(Path.Combine(SharedFolder.Root, "data", "pdq", "expected", "core-vectors.csv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split(','))
        .ToDictionary(f => f[0]);

    [Fact]
    public async Task Pdq_LosslessVectors_PrintsReferenceLines()
    {
        using var work = new WorkFolder();
        var expected = Expected();
        var files = new[] { "q0122.decoded.png", "q2821.decoded.png" }.Select(f => Path.Combine(Vectors, f)).ToArray();

        var result = await KatalystProcess.RunAsync(work.Path, ["pdq", .. files]);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(files.Select(f => $"{expected[Path.GetFileName(f)][6]},{expected[Path.GetFileName(f)][5]},{f}"), Lines(result.Output));
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Pdq_Dihedral_PrintsEightLinesInReferenceOrder()
    {
        using var work = new WorkFolder();
        var file = Path.Combine(Vectors, "q0746.decoded.png");
        var row = Expected()["q0746.decoded.png"];

        var result = await KatalystProcess.RunAsync(work.Path, "pdq", "--dihedral", file);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(row[7..15].Select(hash => $"{hash},{row[15]},{file}"), Lines(result.Output));
    }

    [Fact]
    public async Task Pdq_BadFileAmongGood_NamesItOnStderrPrintsTheOthersAndFails()
    {
        using var work = new WorkFolder();
        File.WriteAllText(work["notes.png"], "not an image at all");
        var good = Path.Combine(Vectors, "q0122.decoded.png");

        var result = await KatalystProcess.RunAsync(work.Path, "pdq", "notes.png", good, "missing.jpg");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"{Expected()["q0122.decoded.png"][6]},100,{good}"], Lines(result.Output));
        var errors = Lines(result.Error);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("katalyst pdq: notes.png: is not an image", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("katalyst pdq: missing.jpg: cannot be read", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdq_NoFile_FailsWithUsage()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "pdq");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FILE", result.All, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
