namespace Katalyst.Cli.Tests.Models;

/// <summary><c>katalyst models fetch|convert</c> refusals, none of which may reach the network.</summary>
public sealed class ModelsCommandTests
{
    private const string Pin = "585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382";

    [Fact]
    public async Task Fetch_SourcesWithBadHash_RefusesNamingField()
    {
        using var work = new WorkFolder();
        File.WriteAllText(work["sources.json"], """{"packages":[{"name":"nsfwjs","version":"4.4.0","tarball":"nsfwjs-4.4.0.tgz","sha256":"abc","licence":"MIT","notes":""}]}""");

        var result = await KatalystProcess.RunAsync(work.Path, "models", "fetch", "--sources", "sources.json", "--dir", "npm");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("packages[0].sha256 'abc'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_TamperedTarball_RefusesNamingBothHashes()
    {
        using var work = new WorkFolder();
        File.WriteAllText(work["sources.json"], $$"""{"packages":[{"name":"nsfwjs","version":"4.4.0","tarball":"nsfwjs-4.4.0.tgz","sha256":"{{Pin}}","licence":"MIT","notes":""}]}""");
        Directory.CreateDirectory(work["npm"]);
        File.WriteAllText(work["npm/nsfwjs-4.4.0.tgz"], "not the package");

        var result = await KatalystProcess.RunAsync(work.Path, "models", "convert", "--sources", "sources.json", "--dir", "npm", "--out", "media", "--model", "nsfwjs-mobilenet-v2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Pin, result.Error, StringComparison.Ordinal);
        Assert.Contains("9cec5880638024e269dddcdd7f99e8f4ffb18307c443bad37e6daf9295066d3e", result.Error, StringComparison.Ordinal); // SHA-256 of "not the package"
        Assert.False(File.Exists(work["media/nsfwjs-mobilenet-v2.onnx"]));
    }

    [Fact]
    public async Task Convert_UnknownModel_RefusesNamingKnownOnes()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "models", "convert", "--sources", Path.Combine(RepositoryFolder.Root, "models", "sources.json"), "--model", "inception");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no model named 'inception'", result.Error, StringComparison.Ordinal);
        Assert.Contains("nsfwjs-mobilenet-v2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_PackageNeverFetched_SaysToFetch()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "models", "convert", "--sources", Path.Combine(RepositoryFolder.Root, "models", "sources.json"), "--dir", "npm", "--model", "faceres");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("katalyst models fetch", result.Error, StringComparison.Ordinal);
    }
}
