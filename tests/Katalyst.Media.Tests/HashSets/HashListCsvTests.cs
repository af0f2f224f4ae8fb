using Katalyst.Media.HashSets;

namespace Katalyst.Media.Tests.HashSets;

public sealed class HashListCsvTests
{
    private const string Md5 = "0123456789abcdef0123456789abcdef";
    private const string Sha1 = "0123456789abcdef0123456789abcdef01234567";
    private const string Sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Pdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    [Fact]
    public void Read_EveryTypeWithSources_CountsAndLabelsEachEntry()
    {
        var result = Read($"hash_type,hash,category,source\nmd5,{Md5},A1,NCMEC\nSHA-1,{Sha1.ToUpperInvariant()},B1,NCMEC\nsha256,{Sha256},A2,\"Agency, unit 7\"\nPDQ,{Pdq},A1,NCMEC\n");

        Assert.Equal(new HashCounts(1, 1, 1, 1), result.Contents.Counts);
        Assert.Equal(4, result.Rows);
        Assert.Equal(Sha1, Convert.ToHexStringLower(result.Contents[HashType.Sha1].Digest(0)));
        Assert.Equal(new HashLabel("A2", "Agency, unit 7"), result.Contents.Labels[result.Contents[HashType.Sha256].LabelIndexes[0]]);
        Assert.Equal(3, result.Contents.Labels.Count);
    }

    [Fact]
    public void Read_GeneratorKnownHashesHeader_AcceptedWithEmptySource()
    {
        var result = Read($"hashType,value,category\nMD5,{Md5},A1\nSHA1,{Sha1},B2\n");

        Assert.Equal(new HashCounts(1, 1, 0, 0), result.Contents.Counts);
        Assert.Equal(new HashLabel("B2", ""), result.Contents.Labels[result.Contents[HashType.Sha1].LabelIndexes[0]]);
    }

    [Fact]
    public void Read_BadRows_RefusedWholeNamingFileLineAndReasonOfEach()
    {
        var text = $"hash_type,hash,category,source\nmd5,{Md5},A1,NCMEC\nmd4,{Md5},A1,NCMEC\n\nsha1,{Md5},A1,NCMEC\npdq,{Pdq[..^1]}z,A1,NCMEC\nmd5,{Md5},,NCMEC\nmd5,{Md5},A1\n";

        var error = Assert.Throws<HashListException>(() => Read(text));

        Assert.Equal(5, error.ProblemCount);
        Assert.Equal(
            [
                "list.csv line 3: hash type 'md4' is not md5, sha1, sha256 or pdq",
                "list.csv line 5: a sha1 hash is 40 hex digits, not 32 characters",
                $"list.csv line 6: a pdq hash is hex digits only; '{Pdq[..^1]}z' is not",
                "list.csv line 7: the category is empty",
                "list.csv line 8: 3 fields; expected 4 (hash_type,hash,category,source)",
            ],
            error.Problems);
        Assert.StartsWith("list.csv refused, nothing imported: 5 problem(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongHeader_RefusedNamingTheExpectedOne()
    {
        var error = Assert.Throws<HashListException>(() => Read($"type,hash\nmd5,{Md5}\n"));

        Assert.Equal(["list.csv line 1: the header is 'type,hash'; expected hash_type,hash,category,source (or the generator's hashType,value,category)"], error.Problems);
    }

    [Fact]
    public void Read_EmptyFile_Refused()
    {
        var error = Assert.Throws<HashListException>(() => Read(""));

        Assert.Contains("the file is empty", error.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RepeatedDigest_KeepsTheFirstRowAndCountsTheRepeat()
    {
        var result = Read($"hash_type,hash,category,source\nmd5,{Md5},A1,NCMEC\nmd5,{Md5.ToUpperInvariant()},B2,Other\npdq,{Pdq},A1,NCMEC\n");

        Assert.Equal(1, result.Duplicates);
        Assert.Equal(new HashCounts(1, 0, 0, 1), result.Contents.Counts);
        Assert.Equal(new HashLabel("A1", "NCMEC"), result.Contents.Labels[result.Contents[HashType.Md5].LabelIndexes[0]]);
    }

    private static HashListReadResult Read(string text) => HashListCsv.Read(new StringReader(text), "list.csv", TestContext.Current.CancellationToken);
}
