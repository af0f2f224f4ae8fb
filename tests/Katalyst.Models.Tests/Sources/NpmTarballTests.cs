using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Katalyst.Models.Sources;

namespace Katalyst.Models.Tests.Sources;

public sealed class NpmTarballTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("katalyst-tarball-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void ReadExactly_FilesPresent_ReturnsThemWithoutPackagePrefix()
    {
        var tarball = Tarball(("package/models/a.json", "{}"), ("package/models/a.bin", "ab"), ("package/README.md", "x"));

        var files = NpmTarball.ReadExactly(tarball, ["models/a.json", "models/a.bin"]);

        Assert.Equal(["models/a.bin", "models/a.json"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("ab", Encoding.UTF8.GetString(files["models/a.bin"]));
    }

    [Fact]
    public void ReadExactly_FileMissing_NamesTarballAndFile()
    {
        var tarball = Tarball(("package/models/a.json", "{}"));

        var error = Assert.Throws<FileNotFoundException>(() => NpmTarball.ReadExactly(tarball, ["models/a.json", "models/a.bin"]));

        Assert.Contains("package/models/a.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains(tarball, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFiles_NotGzip_NamesFile()
    {
        var path = Path.Combine(root.FullName, "plain.tgz");
        File.WriteAllText(path, "plain text, not gzip");

        var error = Assert.Throws<InvalidDataException>(() => NpmTarball.ReadFiles(path, _ => true));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private string Tarball(params (string Name, string Text)[] entries)
    {
        var path = Path.Combine(root.FullName, "p.tgz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, text) in entries)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }

        return path;
    }
}
