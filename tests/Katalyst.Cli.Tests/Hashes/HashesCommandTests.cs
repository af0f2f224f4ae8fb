namespace Katalyst.Cli.Tests.Hashes;

public sealed class HashesCommandTests
{
    private const string Pdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    private const string PdqAt3 = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b2c";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Match_GeneratedKnownFile_MatchesItsMd5AndSha1InTheImportedSet()
    {
        using var work = new WorkFolder();
        var generated = await KatalystProcess.RunAsync(work.Path, "generate", "--count", "4", "--seed", "9", "--media", "--out", "g");
        Assert.True(generated.ExitCode == 0, generated.All);
        var known = (await File.ReadAllLinesAsync(work["g/known-hashes.csv"], Ct)).Skip(1).Select(l => l.Split(',')[1]).ToHashSet();
        var knownFile = Directory.EnumerateFiles(work["g"], "*.*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".xml", StringComparison.Ordinal) && f.Contains("/files/", StringComparison.Ordinal))
            .First(f => known.Contains(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(File.ReadAllBytes(f)))));

        var import = await KatalystProcess.RunAsync(work.Path, "hashes", "import", "g/known-hashes.csv", "--set", "synthetic");
        var match = await KatalystProcess.RunAsync(work.Path, "hashes", "match", knownFile);

        Assert.True(import.ExitCode == 0, import.All);
        // The generator lists each known-pool picture by MD5, SHA-1 and PDQ.
        var pdqRows = (await File.ReadAllLinesAsync(work["g/known-hashes.csv"], Ct)).Count(l => l.StartsWith("PDQ,", StringComparison.OrdinalIgnoreCase));
        Assert.True(pdqRows > 0, "the generator wrote no PDQ rows");
        Assert.Contains($"Imported set 'synthetic' from known-hashes.csv: 360 md5, 360 sha1, 0 sha256, {pdqRows} pdq", import.Output, StringComparison.Ordinal);
        Assert.True(match.ExitCode == 0, match.All);
        Assert.Matches(@"md5:[0-9a-f]{32}  MATCH set synthetic, category (A1|A2|B1|B2), distance 0", match.Output);
        Assert.Matches(@"sha1:[0-9a-f]{40}  MATCH set synthetic, category (A1|A2|B1|B2), distance 0", match.Output);
        Assert.Contains("PDQ not matched here: run 'katalyst pdq", match.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadRow_ExitsTwoNamingFileAndLineAndImportsNothing()
    {
        using var work = new WorkFolder();
        await File.WriteAllTextAsync(work["list.csv"], $"hash_type,hash,category,source\npdq,{Pdq},A1,Test\nmd5,abc,A1,Test\n", Ct);

        var import = await KatalystProcess.RunAsync(work.Path, "hashes", "import", "list.csv", "--set", "test");
        var list = await KatalystProcess.RunAsync(work.Path, "hashes", "list");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("list.csv line 3: a md5 hash is 32 hex digits, not 3 characters", import.Error, StringComparison.Ordinal);
        Assert.Contains("No hash sets", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_PdqNearDuplicateThenSetDisabled_FoundWithDistanceThenNoMatch()
    {
        using var work = new WorkFolder();
        await File.WriteAllTextAsync(work["list.csv"], $"hash_type,hash,category,source\npdq,{Pdq},A1,Test\n", Ct);
        await KatalystProcess.RunAsync(work.Path, "hashes", "import", "list.csv", "--set", "test", "--radius", "10", "--dir", "sets");

        var found = await KatalystProcess.RunAsync(work.Path, "hashes", "match", PdqAt3, "--dir", "sets");
        var disable = await KatalystProcess.RunAsync(work.Path, "hashes", "disable", "test", "--dir", "sets");
        var list = await KatalystProcess.RunAsync(work.Path, "hashes", "list", "--dir", "sets");
        var missed = await KatalystProcess.RunAsync(work.Path, "hashes", "match", $"pdq:{PdqAt3}", "--dir", "sets");

        Assert.True(found.ExitCode == 0, found.All);
        Assert.Contains($"pdq:{PdqAt3}  MATCH set test, category A1, source Test, distance 3, known hash {Pdq}", found.Output, StringComparison.Ordinal);
        Assert.True(disable.ExitCode == 0, disable.All);
        Assert.Matches(@"test\s+no\s+10\s+0\s+0\s+0\s+1", list.Output);
        Assert.Equal(1, missed.ExitCode);
        Assert.Contains($"pdq:{PdqAt3}  no match", missed.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123abc", "'123abc' is 6 hex digits")]
    [InlineData("md5:123", "'md5:123': a md5 hash is 32 hex digits, not 3 characters")]
    [InlineData("no-such-file.jpg", "'no-such-file.jpg' is neither a hash nor an existing file")]
    public async Task Match_BadArgument_ExitsTwoNamingIt(string argument, string expected)
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "hashes", "match", argument);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_UnknownSet_ExitsTwoNamingIt()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "hashes", "enable", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no hash set 'nope'", result.Error, StringComparison.Ordinal);
    }
}
