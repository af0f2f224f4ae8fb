using Katalyst.Media.HashSets;
using Katalyst.Media.Matching;
using Katalyst.Media.Pdq;
using Katalyst.Media.Tests.Matching;

namespace Katalyst.Media.Tests.HashSets;

public sealed class KnownHashMatcherTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Match_PdqNearDuplicate_FoundWithinEachSetsOwnRadiusNearestFirst()
    {
        var random = new Random(5);
        var original = RandomHashes.Next(random);
        var at12 = RandomHashes.At(original, 12, random);
        var at25 = RandomHashes.At(original, 25, random);
        var folder = new HashSetFolder(temp["sets"]);
        Imports.Run(folder, temp.Write("wide.csv", $"hash_type,hash,category,source\npdq,{at25},B1,Wide\npdq,{at12},A1,Wide\npdq,{RandomHashes.Next(random)},A1,Wide\n"), "wide", radius: 31);
        Imports.Run(folder, temp.Write("narrow.csv", $"hash_type,hash,category,source\npdq,{at25},B1,Narrow\npdq,{at12},A2,Narrow\n"), "narrow", radius: 20);

        var matches = KnownHashMatcher.Load(folder).Match(HashQuery.Of(original));

        Assert.Equal(
            [
                new HashMatch("narrow", "A2", "Narrow", 12, at12.ToString()),
                new HashMatch("wide", "A1", "Wide", 12, at12.ToString()),
                new HashMatch("wide", "B1", "Wide", 25, at25.ToString()),
            ],
            matches);
    }

    [Fact]
    public void Match_Sha256NotInAnySet_NoMatches()
    {
        var folder = new HashSetFolder(temp["sets"]);
        Imports.Run(folder, temp.Write("a.csv", $"hash_type,hash,category,source\nsha256,{new string('a', 64)},A1,NCMEC\n"), "a");
        HashQuery.TryParse(HashType.Sha256, new string('b', 64), out var miss, out _);
        HashQuery.TryParse(HashType.Sha256, new string('A', 64), out var hit, out _);

        var matcher = KnownHashMatcher.Load(folder);

        Assert.Empty(matcher.Match(miss!));
        Assert.Equal(0, Assert.Single(matcher.Match(hit!)).Distance);
    }

    [Fact]
    public void AsPdq_QueryOfHash_RoundTrips()
    {
        var hash = PdqHash.Parse("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
        Assert.Equal(hash, HashQuery.Of(hash).AsPdq());
        Assert.Equal(hash.ToString(), HashQuery.Of(hash).Hex);
    }
}
