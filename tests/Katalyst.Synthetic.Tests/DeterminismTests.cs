using System.Security.Cryptography;

namespace Katalyst.Synthetic.Tests;

public sealed class DeterminismTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "katalyst-det-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Run(string name, int seed, int count = 120)
    {
        var dir = Path.Combine(_root, name);
        new ReferralGenerator(new GeneratorOptions { Count = count, Seed = seed, OutputDirectory = dir, Media = true }).Generate(null, TestContext.Current.CancellationToken);
        return dir;
    }

    private static SortedDictionary<string, string> Fingerprint(string dir) =>
        new(Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    [Fact]
    public void Generate_SameSeedTwice_ByteIdenticalOutput()
    {
        var a = Fingerprint(Run("a", 7));
        var b = Fingerprint(Run("b", 7));

        Assert.True(a.Count > 120 * 3, $"expected many files, got {a.Count}");
        Assert.Equal(a.Keys, b.Keys);
        var differing = a.Keys.Where(k => a[k] != b[k]).ToList();
        Assert.True(differing.Count == 0, "files differ between runs: " + string.Join(", ", differing.Take(10)));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentOutput()
    {
        var a = Fingerprint(Run("a", 7, 40));
        var b = Fingerprint(Run("b", 8, 40));

        Assert.NotEqual(a.Keys, b.Keys);
        Assert.NotEqual(a["labels.csv"], b["labels.csv"]);
        Assert.NotEqual(a["known-hashes.csv"], b["known-hashes.csv"]);
    }

    [Fact]
    public void Generate_ReportsProgressUpToCount()
    {
        var seen = new List<int>();
        var dir = Path.Combine(_root, "progress");
        new ReferralGenerator(new GeneratorOptions { Count = 300, Seed = 1, OutputDirectory = dir })
            .Generate(new SynchronousProgress(seen.Add), TestContext.Current.CancellationToken);

        Assert.Equal(300, seen[^1]);
        Assert.Equal(seen.Order(), seen);
    }

    [Fact]
    public void Generate_NonEmptyOutputDirectory_ThrowsNamingTheFolder()
    {
        var dir = Path.Combine(_root, "busy");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "other.txt"), "x");

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ReferralGenerator(new GeneratorOptions { Count = 1, Seed = 1, OutputDirectory = dir }).Generate(null, TestContext.Current.CancellationToken));
        Assert.Contains(dir, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CountZero_ThrowsNamingCount()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ReferralGenerator(new GeneratorOptions { Count = 0, OutputDirectory = _root }));
        Assert.Contains("Count", error.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
