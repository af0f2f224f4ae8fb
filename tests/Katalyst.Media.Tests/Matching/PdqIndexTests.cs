using Katalyst.Media.Matching;
using Katalyst.Media.Pdq;

namespace Katalyst.Media.Tests.Matching;

public sealed class PdqIndexTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(11)]
    [InlineData(16)]
    [InlineData(32)]
    public void Search_RandomAndPlantedNearMatches_ProbingEqualsBruteForceAtEveryRadius(int? segments)
    {
        var random = new Random(20261123);
        var queries = Enumerable.Range(0, 40).Select(_ => RandomHashes.Next(random)).ToArray();
        var hashes = Enumerable.Range(0, 20_000).Select(_ => RandomHashes.Next(random)).ToList();
        foreach (var query in queries)
        {
            for (var distance = 0; distance <= 40; distance++)
            {
                hashes.Add(RandomHashes.At(query, distance, random));
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hashes));
        var index = PdqIndex.Build(hashes.ToArray(), segments);

        foreach (var radius in new[] { 0, 10, 31, 40 })
        {
            foreach (var query in queries)
            {
                var hits = new List<PdqHit>();
                index.Search(query, radius, hits, allowScan: false);
                var expected = BruteForce(hashes, query, radius);
                Assert.Equal(expected, hits.OrderBy(h => h.Entry).ToList());
                Assert.True(hits.Count >= radius + 1, $"radius {radius}: the {radius + 1} planted matches must all be found, found {hits.Count}");
            }
        }
    }

    [Fact]
    public void Search_UpstreamNeedlesInHaystack_FindsExactlyThe250ExpectedPairs()
    {
        var folder = Path.Combine(SharedFolder.Root, "data", "pdq");
        var needles = ReadHashes(Path.Combine(folder, "upstream", "reg-test-input", "needles.txt"));
        var haystack = ReadHashes(Path.Combine(folder, "upstream", "reg-test-input", "haystack.txt"));
        var expected = File.ReadLines(Path.Combine(folder, "expected", "needles-vs-haystack-d31.csv"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(',').Select(int.Parse).ToArray())
            .Select(p => (Needle: p[0], Haystack: p[1], Distance: p[2]))
            .ToHashSet();
        var index = PdqIndex.Build(haystack);

        var found = new HashSet<(int, int, int)>();
        for (var n = 0; n < needles.Length; n++)
        {
            var hits = new List<PdqHit>();
            index.Search(needles[n], 31, hits);
            found.UnionWith(hits.Select(h => (n, h.Entry, h.Distance)));
        }

        Assert.Equal(250, expected.Count);
        Assert.Equal(expected.Order(), found.Order());
    }

    [Fact]
    public void Search_HitsFoundOnSeveralSegments_EachReportedOnceNearestFirst()
    {
        var random = new Random(7);
        var query = RandomHashes.Next(random);
        var index = PdqIndex.Build([RandomHashes.At(query, 5, random), query, query, RandomHashes.Next(random)], segmentCount: 16);

        var hits = new List<PdqHit>();
        index.Search(query, 31, hits);

        Assert.Equal([new PdqHit(1, 0), new PdqHit(2, 0), new PdqHit(0, 5)], hits);
    }

    [Fact]
    public void Search_RadiusWhereProbingCostsMoreThanAScan_ScansAndEqualsBruteForce()
    {
        var random = new Random(11);
        var query = RandomHashes.Next(random);
        var hashes = Enumerable.Range(0, 2_000).Select(_ => RandomHashes.Next(random)).Concat(Enumerable.Range(0, 65).Select(d => RandomHashes.At(query, d, random))).ToList();
        var index = PdqIndex.Build(hashes.ToArray(), segmentCount: 8);

        var hits = new List<PdqHit>();
        index.Search(query, 64, hits);

        Assert.Equal(BruteForce(hashes, query, 64), hits.OrderBy(h => h.Entry).ToList());
        Assert.All(Enumerable.Range(2_000, 65), planted => Assert.Contains(hits, h => h.Entry == planted));
    }

    [Fact]
    public void Search_EmptyIndex_FindsNothing()
    {
        var hits = new List<PdqHit>();
        PdqIndex.Build([]).Search(default, 31, hits);
        Assert.Empty(hits);
    }

    [Fact]
    public void Build_TenThousandEntries_ChoosesSegmentsByTheirNumber()
    {
        var random = new Random(3);
        var index = PdqIndex.Build(Enumerable.Range(0, 10_000).Select(_ => RandomHashes.Next(random)).ToArray());

        Assert.Equal(19, index.SegmentCount); // 256 / log2(10,000) = 19.3
        Assert.InRange(index.MemoryBytes / index.Count, 32 + (19 * 4), 32 + (19 * 8) + 1);
    }

    private static List<PdqHit> BruteForce(List<PdqHash> hashes, PdqHash query, int radius) =>
        [.. hashes.Select((h, i) => new PdqHit(i, h.DistanceTo(query))).Where(h => h.Distance <= radius)];

    private static PdqHash[] ReadHashes(string path) => [.. File.ReadLines(path).Where(l => l.Length > 0).Select(PdqHash.Parse)];
}
