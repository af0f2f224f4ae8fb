namespace Katalyst.Media.Matching;

/// <summary>
/// How <see cref="PdqIndex"/> cuts the 256 bits into <c>m</c> consecutive segments (the first <c>256 mod m</c> one
/// bit wider), and how far from the query each segment must be searched for a radius so that nothing is missed.
/// </summary>
internal sealed class PdqSegments
{
    /// <summary>Fewest segments: keeps every segment within 32 bits.</summary>
    public const int MinCount = 8;

    /// <summary>Most segments.</summary>
    public const int MaxCount = 64;

    public PdqSegments(int count)
    {
        if (count is < MinCount or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"a PDQ index has {MinCount} to {MaxCount} segments");
        }

        Count = count;
        Start = new int[count];
        Width = new int[count];
        var narrow = 256 / count;
        var wide = 256 % count;
        for (int j = 0, bit = 0; j < count; j++)
        {
            Width[j] = narrow + (j < wide ? 1 : 0);
            Start[j] = bit;
            bit += Width[j];
        }
    }

    public int Count { get; }

    public int[] Start { get; }

    public int[] Width { get; }

    /// <summary>
    /// Norouzi et al.'s segments count for <paramref name="entries"/>: about 256 / log2(entries) segments, so each
    /// segment's value is about as selective as the index is large (11 for 10 million entries, 25 for 1,350).
    /// </summary>
    public static int ChooseCount(long entries)
    {
        var bits = Math.Max(8.0, Math.Log2(Math.Max(entries, 2)));
        return Math.Clamp((int)Math.Round(256 / bits), MinCount, 32);
    }

    /// <summary>
    /// The search radius per segment for a full radius <paramref name="radius"/> (-1: do not search that segment).
    /// Pigeonhole, refined: with radius = m·s + t (t &lt; m), a hash within the radius is within s of the query on
    /// one of the t + 1 segments searched at s, or within s − 1 on one of the others; otherwise its distance would be
    /// at least (t + 1)(s + 1) + (m − t − 1)s = radius + 1. The narrowest segments (the last) get the larger radius.
    /// </summary>
    public int[] Radii(int radius)
    {
        var s = radius / Count;
        var t = radius % Count;
        var radii = new int[Count];
        for (var j = 0; j < Count; j++)
        {
            radii[j] = j >= Count - (t + 1) ? s : s - 1;
        }

        return radii;
    }

    /// <summary>The value of segment <paramref name="segment"/> of a hash given as four words, least significant first.</summary>
    public uint Value(ReadOnlySpan<ulong> words, int segment)
    {
        var start = Start[segment];
        var width = Width[segment];
        var word = start >> 6;
        var offset = start & 63;
        var value = words[word] >> offset;
        if (offset + width > 64)
        {
            value |= words[word + 1] << (64 - offset);
        }

        return (uint)(value & ((1UL << width) - 1));
    }

    /// <summary>How many segment values lie within <paramref name="radius"/> bits of one of <paramref name="width"/> bits.</summary>
    public static long Neighbours(int width, int radius)
    {
        long total = 0;
        long choose = 1;
        for (var i = 0; i <= radius && i <= width; i++)
        {
            total += choose;
            choose = choose * (width - i) / (i + 1);
        }

        return total;
    }
}
