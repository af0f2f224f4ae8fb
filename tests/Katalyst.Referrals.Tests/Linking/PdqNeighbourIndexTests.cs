using Katalyst.Media.Pdq;
using Katalyst.Referrals.Linking.Pdq;

namespace Katalyst.Referrals.Tests.Linking;

/// <summary>The in-memory near-neighbour index over stored PDQs: built index plus recent rows, rebuilt as they grow.</summary>
public sealed class PdqNeighbourIndexTests
{
    [Fact]
    public void Near_RowsAddedAcrossRebuilds_ExactlyTheRowsWithinTheRadiusAsBruteForce()
    {
        var random = new Random(606);
        var index = new PdqNeighbourIndex();
        var rows = new List<(long Seq, PdqHash Hash)>();
        var bases = Enumerable.Range(0, 50).Select(_ => RandomHash(random)).ToList();
        long seq = 0;
        var rebuilt = 0;
        for (var batch = 0; batch < 6; batch++)
        {
            // Near copies of a few pictures among unrelated ones, so queries have hits at many distances.
            for (var i = 0; i < 2500; i++)
            {
                var hash = i % 5 == 0 ? Flip(bases[random.Next(bases.Count)], random, random.Next(0, 40)) : RandomHash(random);
                index.Add(seq += 1 + random.Next(3), hash);
                rows.Add((seq, hash));
            }

            var before = index.MemoryBytes;
            index.CompactIfLarge();
            rebuilt += index.MemoryBytes != before ? 1 : 0;
            foreach (var query in bases.Take(10).Select(b => Flip(b, random, random.Next(0, 10))))
            {
                var expected = rows.Select(r => new PdqNeighbour(r.Seq, r.Hash.DistanceTo(query))).Where(n => n.Distance <= 31)
                    .OrderBy(n => n.Distance).ThenBy(n => n.Seq);
                Assert.Equal(expected, index.Near(query, 31));
            }
        }

        Assert.Equal(rows.Count, index.Count);
        Assert.Equal(seq, index.LastSeq);
        Assert.True(rebuilt >= 2, $"the index was rebuilt {rebuilt} times; the test means to search across rebuilds");
    }

    [Fact]
    public void Add_SeqNotAfterTheLast_Refused()
    {
        var index = new PdqNeighbourIndex();
        index.Add(5, default);

        var refused = Assert.Throws<InvalidOperationException>(() => index.Add(5, default));

        Assert.Contains("file_pdq_hashes row 5 arrived after row 5", refused.Message, StringComparison.Ordinal);
    }

    private static PdqHash RandomHash(Random random) =>
        new((ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64());

    private static PdqHash Flip(PdqHash hash, Random random, int bits)
    {
        Span<ulong> words = [hash.Bits63To0, hash.Bits127To64, hash.Bits191To128, hash.Bits255To192];
        foreach (var bit in Enumerable.Range(0, 256).OrderBy(_ => random.Next()).Take(bits))
        {
            words[bit / 64] ^= 1UL << (bit % 64);
        }

        return PdqHash.FromWords(words);
    }
}
