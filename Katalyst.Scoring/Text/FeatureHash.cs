namespace Katalyst.Scoring.Text;

/// <summary>
/// FNV-1a (32-bit) over UTF-16 code units, finished with MurmurHash3's avalanche so that every bit of the hash
/// depends on every character: stable across processes, machines and .NET versions, unlike
/// <see cref="string.GetHashCode()"/>. A feature's kind (word, bigram, character n-gram) is hashed first.
/// </summary>
internal static class FeatureHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>The start of a hash for a feature of <paramref name="kind"/>.</summary>
    public static uint Start(char kind) => Add(OffsetBasis, kind);

    /// <summary>Adds one code unit.</summary>
    public static uint Add(uint hash, char c) => (hash ^ c) * Prime;

    /// <summary>Adds every code unit of <paramref name="text"/>.</summary>
    public static uint Add(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    /// <summary>The bucket of a finished hash: 1 to <c>buckets - 1</c>; 0 is kept for padding.</summary>
    public static int Bucket(uint hash, int buckets)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >> 16;
        return 1 + (int)(hash % (uint)(buckets - 1));
    }
}
