namespace Katalyst.Synthetic.Sampling;

/// <summary>Named random streams, so that one decision never shifts another when code changes.</summary>
internal enum RandomStream
{
    Plan = 1,
    Package = 2,
    Subject = 3,
    KnownPool = 4,
    Image = 5,
    Batch = 6,
}

/// <summary>
/// Derives independent seeds from (run seed, stream, index) with SplitMix64, so each package has its own
/// <see cref="Random"/> and packages can be generated in any order, in parallel, with identical results.
/// </summary>
internal static class SeedMix
{
    public static int Derive(int seed, RandomStream stream, long index)
    {
        var x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)stream << 56) ^ (ulong)index);
        x = Mix(x);
        x = Mix(x + (ulong)index);
        return unchecked((int)(x >> 33));
    }

    public static Random Random(int seed, RandomStream stream, long index) => new(Derive(seed, stream, index));

    private static ulong Mix(ulong z)
    {
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
