using Katalyst.Media.HashSets;
using Katalyst.Media.Matching;

namespace Katalyst.Media.Tests.HashSets;

public sealed class HashSetFolderTests : IDisposable
{
    private const string Md5 = "0123456789abcdef0123456789abcdef";
    private const string OtherMd5 = "fedcba9876543210fedcba9876543210";
    private const string Pdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private HashSetFolder Folder => new(temp["sets"]);

    [Fact]
    public void Import_GoodList_WritesSetFileAndManifestWithCountsRadiusAndSourceHash()
    {
        var csv = temp.Write("ncmec.csv", $"hash_type,hash,category,source\nmd5,{Md5},A1,NCMEC\npdq,{Pdq},B1,NCMEC\n");

        var import = Imports.Run(Folder, csv, "ncmec", radius: 20);
        var manifest = Folder.Manifest();

        var set = Assert.Single(manifest.Sets);
        Assert.Equal(("ncmec", true, 20, new HashCounts(1, 0, 0, 1), "ncmec.csv"), (set.Name, set.Enabled, set.Radius, set.Counts, set.SourceFile));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(csv))), set.SourceSha256);
        Assert.Equal(set, import.Set);
        Assert.Equal(Pdq, Convert.ToHexStringLower(HashSetFile.Read(Path.Combine(temp["sets"], set.File))[HashType.Pdq].Digest(0)));
    }

    [Fact]
    public void Import_SameNameAgain_ReplacesTheSetAndRemovesItsOldFile()
    {
        var first = Imports.Run(Folder, temp.Write("a.csv", $"hash_type,hash,category,source\nmd5,{Md5},A1,NCMEC\n"), "ncmec");
        var second = Imports.Run(Folder, temp.Write("b.csv", $"hash_type,hash,category,source\nmd5,{OtherMd5},B2,NCMEC\nmd5,{Md5},B2,NCMEC\n"), "NCMEC");

        Assert.Equal(new HashCounts(2, 0, 0, 0), Assert.Single(Folder.Manifest().Sets).Counts);
        Assert.False(File.Exists(Path.Combine(temp["sets"], first.Set.File)));
        Assert.True(File.Exists(Path.Combine(temp["sets"], second.Set.File)));
        Assert.Single(Directory.GetFiles(temp["sets"], "*" + HashSetFile.Extension));
    }

    [Fact]
    public void Import_BadListOverExistingSet_RefusedAndTheSetStaysAsItWas()
    {
        Imports.Run(Folder, temp.Write("a.csv", $"hash_type,hash,category,source\nmd5,{Md5},A1,NCMEC\n"), "ncmec");
        var before = File.ReadAllBytes(Path.Combine(temp["sets"], HashSetManifest.FileName));

        Assert.Throws<HashListException>(() => Imports.Run(Folder, temp.Write("b.csv", $"hash_type,hash,category,source\nmd5,{OtherMd5},A1,NCMEC\nmd5,xyz,A1,NCMEC\n"), "ncmec"));

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(temp["sets"], HashSetManifest.FileName)));
        Assert.Single(Directory.GetFiles(temp["sets"], "*" + HashSetFile.Extension));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData("a b")]
    public void Import_BadSetName_Refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => Imports.Run(Folder, temp.Write("a.csv", $"hash_type,hash,category,source\nmd5,{Md5},A1,NCMEC\n"), name));

        Assert.Contains($"set name '{name}' is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RadiusOverSixtyFour_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Imports.Run(Folder, temp.Write("a.csv", "hash_type,hash,category,source\n"), "x", radius: 65));

        Assert.Contains("radius 65 is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetEnabled_DisabledSet_LeftOutOfMatchingButListed()
    {
        Imports.Run(Folder, temp.Write("a.csv", $"hash_type,hash,category,source\nmd5,{Md5},A1,NCMEC\n"), "ncmec");
        Imports.Run(Folder, temp.Write("b.csv", $"hash_type,hash,category,source\nmd5,{Md5},B2,Local\n"), "local");
        HashQuery.TryParse(HashType.Md5, Md5, out var query, out _);

        Folder.SetEnabled("local", enabled: false);
        var matcher = KnownHashMatcher.Load(Folder);

        Assert.Equal([new HashMatch("ncmec", "A1", "NCMEC", 0, Md5)], matcher.Match(query!));
        Assert.Equal(["ncmec", "local"], matcher.Manifest.Sets.Select(s => s.Name));
        Assert.False(matcher.Manifest.Find("local")!.Enabled);
    }

    [Fact]
    public void SetEnabled_UnknownSet_NamesTheSetsThereAre()
    {
        Imports.Run(Folder, temp.Write("a.csv", $"hash_type,hash,category,source\nmd5,{Md5},A1,NCMEC\n"), "ncmec");

        var error = Assert.Throws<KeyNotFoundException>(() => Folder.SetEnabled("nope", enabled: true));

        Assert.Contains("no hash set 'nope'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("sets: ncmec", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadEnabled_SetFileTruncated_RefusedNamingTheFile()
    {
        var import = Imports.Run(Folder, temp.Write("a.csv", $"hash_type,hash,category,source\npdq,{Pdq},A1,NCMEC\n"), "ncmec");
        var file = Path.Combine(temp["sets"], import.Set.File);
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..^10]);

        var error = Assert.Throws<InvalidDataException>(() => KnownHashMatcher.Load(Folder));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_EditedToNameAFileOutsideTheFolder_RefusedNamingTheSet()
    {
        Imports.Run(Folder, temp.Write("a.csv", $"hash_type,hash,category,source\nmd5,{Md5},A1,NCMEC\n"), "ncmec");
        var path = Path.Combine(temp["sets"], HashSetManifest.FileName);
        var json = File.ReadAllText(path);
        File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(json, "\"file\": \"[^\"]+\"", "\"file\": \"../escape.khs\""));

        var error = Assert.Throws<InvalidDataException>(() => Folder.Manifest());

        Assert.Contains("sets[0] ('ncmec') names file '../escape.khs'", error.Message, StringComparison.Ordinal);
    }
}
