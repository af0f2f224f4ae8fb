using Katalyst.Media.Pdq;

namespace Katalyst.Media.Tests.Matching;

/// <summary>Random PDQ hashes and hashes at an exact distance from another, for index tests.</summary>
internal static class RandomHashes
{
    public static PdqHash Next(Random random) =>
        new((ulong)random.NextInt64() ^ ((ulong)random.Next() << 63), (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63),
            (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63), (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63));

    /// <summary><paramref name="origin"/> with exactly <paramref name="distance"/> distinct random bits flipped.</summary>
    public static PdqHash At(PdqHash origin, int distance, Random random)
    {
        Span<ulong> words = [origin.Bits63To0, origin.Bits127To64, origin.Bits191To128, origin.Bits255To192];
        var bits = Enumerable.Range(0, 256).ToArray();
        random.Shuffle(bits);
        foreach (var bit in bits.AsSpan(0, distance))
        {
            words[bit / 64] ^= 1UL << (bit % 64);
        }

        return PdqHash.FromWords(words);
    }
}
