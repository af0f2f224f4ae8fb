using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Katalyst.Media.Pdq;

namespace Katalyst.Media.Matching;

/// <summary>An entry of a <see cref="PdqIndex"/> within the radius of a query, and its distance.</summary>
public readonly record struct PdqHit(int Entry, int Distance);

/// <summary>
/// Exact PDQ search by Hamming distance: multi-index hashing (Norouzi, Punjani and Fleet, 2012). The 256 bits are cut
/// into m segments; each segment has a table from its value (hashed into about N/2 buckets) to the entries holding it,
/// stored as one sorted id array with bucket offsets. A query probes, per segment, every value within that segment's
/// radius (<see cref="PdqSegments.Radii"/>), and each candidate is verified with the full popcount distance, so the
/// answer is exactly the entries within the radius, never fewer. When probing would touch more than a linear scan
/// (very large radii), it scans instead. Immutable once built and safe to search from many threads.
/// </summary>
public sealed class PdqIndex
{
    private readonly ulong[] words; // entry i is words[4i .. 4i+3], least significant word first
    private readonly PdqSegments segments;
    private readonly int bucketBits;
    private readonly int[][] offsets;
    private readonly int[][] ids;

    private PdqIndex(ulong[] words, PdqSegments segments, int bucketBits, int[][] offsets, int[][] ids)
    {
        this.words = words;
        this.segments = segments;
        this.bucketBits = bucketBits;
        this.offsets = offsets;
        this.ids = ids;
    }

    /// <summary>How many entries.</summary>
    public int Count => words.Length / 4;

    /// <summary>How many segments the hashes are cut into.</summary>
    public int SegmentCount => segments.Count;

    /// <summary>Bytes held by the index's arrays (hashes, ids and bucket offsets).</summary>
    public long MemoryBytes => (words.LongLength * 8) + offsets.Sum(o => o.LongLength * 4) + ids.Sum(i => i.LongLength * 4);

    /// <summary>Entry <paramref name="entry"/>'s hash.</summary>
    public PdqHash this[int entry] => PdqHash.FromWords(words.AsSpan(entry * 4, 4));

    /// <summary>Builds an index over <paramref name="hashes"/> (entry i is hashes[i]).</summary>
    /// <param name="hashes">The hashes.</param>
    /// <param name="segmentCount">Segments (8 to 64); default <see cref="PdqSegments.ChooseCount"/>.</param>
    public static PdqIndex Build(ReadOnlySpan<PdqHash> hashes, int? segmentCount = null)
    {
        var words = GC.AllocateUninitializedArray<ulong>(hashes.Length * 4);
        for (var i = 0; i < hashes.Length; i++)
        {
            var h = hashes[i];
            words[4 * i] = h.Bits63To0;
            words[(4 * i) + 1] = h.Bits127To64;
            words[(4 * i) + 2] = h.Bits191To128;
            words[(4 * i) + 3] = h.Bits255To192;
        }

        return Build(words, segmentCount);
    }

    /// <summary>Builds an index over hashes given as 32 big-endian bytes each (as their hex reads).</summary>
    public static PdqIndex BuildFromDigests(ReadOnlySpan<byte> digests, int? segmentCount = null)
    {
        var count = digests.Length / 32;
        var words = GC.AllocateUninitializedArray<ulong>(count * 4);
        for (var i = 0; i < count; i++)
        {
            var digest = digests.Slice(i * 32, 32);
            for (var w = 0; w < 4; w++)
            {
                words[(4 * i) + w] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(digest[((3 - w) * 8)..]);
            }
        }

        return Build(words, segmentCount);
    }

    private static PdqIndex Build(ulong[] words, int? segmentCount)
    {
        var count = words.Length / 4;
        var segments = new PdqSegments(segmentCount ?? PdqSegments.ChooseCount(count));
        // About two entries a bucket: half the offsets memory of one a bucket, for a second candidate per probe.
        var bucketBits = Math.Max(0, (int)Math.Floor(Math.Log2(Math.Max(count, 1))) - 1);
        var offsets = new int[segments.Count][];
        var ids = new int[segments.Count][];
        Parallel.For(0, segments.Count, j =>
        {
            var bits = Math.Min(bucketBits, segments.Width[j]);
            var start = new int[(1 << bits) + 1];
            var buckets = new int[count];
            for (var i = 0; i < count; i++)
            {
                buckets[i] = Bucket(segments.Value(words.AsSpan(i * 4, 4), j), segments.Width[j], bits);
                start[buckets[i] + 1]++;
            }

            for (var b = 1; b < start.Length; b++)
            {
                start[b] += start[b - 1];
            }

            var next = (int[])start.Clone();
            var sorted = new int[count];
            for (var i = 0; i < count; i++)
            {
                sorted[next[buckets[i]]++] = i;
            }

            offsets[j] = start;
            ids[j] = sorted;
        });
        return new PdqIndex(words, segments, bucketBits, offsets, ids);
    }

    /// <summary>Adds to <paramref name="hits"/> every entry within <paramref name="radius"/> of <paramref name="query"/>, each once, nearest first.</summary>
    public void Search(PdqHash query, int radius, List<PdqHit> hits) => Search(query, radius, hits, allowScan: true);

    /// <summary>As <see cref="Search(PdqHash, int, List{PdqHit})"/>; without <paramref name="allowScan"/> it always probes (tests compare the probing with brute force).</summary>
    internal void Search(PdqHash query, int radius, List<PdqHit> hits, bool allowScan)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var first = hits.Count;
        Span<ulong> q = [query.Bits63To0, query.Bits127To64, query.Bits191To128, query.Bits255To192];
        if (Count == 0)
        {
            return;
        }

        var radii = segments.Radii(radius);
        long probes = 0;
        for (var j = 0; j < segments.Count; j++)
        {
            probes += radii[j] < 0 ? 0 : PdqSegments.Neighbours(segments.Width[j], radii[j]);
        }

        if (allowScan && probes * 3 >= Count)
        {
            Scan(q, radius, hits);
        }
        else
        {
            Probe(q, radius, radii, hits);
        }

        // An entry close on several segments is found once per segment: keep one, then order by distance.
        var found = CollectionsMarshal.AsSpan(hits)[first..];
        found.Sort(static (a, b) => a.Entry.CompareTo(b.Entry));
        var kept = 0;
        for (var i = 0; i < found.Length; i++)
        {
            if (kept == 0 || found[i].Entry != found[kept - 1].Entry)
            {
                found[kept++] = found[i];
            }
        }

        hits.RemoveRange(first + kept, found.Length - kept);
        CollectionsMarshal.AsSpan(hits)[first..].Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Entry.CompareTo(b.Entry));
    }

    // In passes, so that the memory reads of each pass do not wait on one another (the index is far larger than the
    // caches; a probe's three reads, offsets -> ids -> hash, would otherwise be three misses in a row): the buckets
    // of every segment value within its radius, then their id ranges, then the candidate ids, then the distances.
    private void Probe(ReadOnlySpan<ulong> q, int radius, int[] radii, List<PdqHit> hits)
    {
        var scratch = Scratch.ForThisThread();
        scratch.Buckets.Clear();
        for (var j = 0; j < segments.Count; j++)
        {
            if (radii[j] >= 0)
            {
                var bits = Math.Min(bucketBits, segments.Width[j]);
                Neighbours(j, bits, segments.Value(q, j), 0, radii[j], scratch.Buckets);
            }
        }

        scratch.Candidates.Clear();
        foreach (var (segment, bucket) in CollectionsMarshal.AsSpan(scratch.Buckets))
        {
            var table = offsets[segment];
            var segmentIds = ids[segment];
            for (int p = table[bucket], end = table[bucket + 1]; p < end; p++)
            {
                scratch.Candidates.Add(segmentIds[p]);
            }
        }

        foreach (var entry in CollectionsMarshal.AsSpan(scratch.Candidates))
        {
            var distance = Distance(q, entry);
            if (distance <= radius)
            {
                hits.Add(new PdqHit(entry, distance));
            }
        }
    }

    // Adds the bucket of `value` and of every value reached by flipping up to `remaining` more bits at positions >=
    // fromBit: each value within the segment's radius exactly once.
    private void Neighbours(int segment, int bits, uint value, int fromBit, int remaining, List<(int, int)> buckets)
    {
        var width = segments.Width[segment];
        buckets.Add((segment, Bucket(value, width, bits)));
        if (remaining == 0)
        {
            return;
        }

        for (var bit = fromBit; bit < width; bit++)
        {
            Neighbours(segment, bits, value ^ (1u << bit), bit + 1, remaining - 1, buckets);
        }
    }

    private void Scan(ReadOnlySpan<ulong> q, int radius, List<PdqHit> hits)
    {
        for (var entry = 0; entry < Count; entry++)
        {
            var distance = Distance(q, entry);
            if (distance <= radius)
            {
                hits.Add(new PdqHit(entry, distance));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Distance(ReadOnlySpan<ulong> q, int entry)
    {
        ref var w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(words), entry * 4);
        return BitOperations.PopCount(w ^ q[0]) + BitOperations.PopCount(Unsafe.Add(ref w, 1) ^ q[1])
            + BitOperations.PopCount(Unsafe.Add(ref w, 2) ^ q[2]) + BitOperations.PopCount(Unsafe.Add(ref w, 3) ^ q[3]);
    }

    // Segments no wider than the table take their value as the bucket; wider ones are mixed (Fibonacci hashing) so
    // that neighbouring values land in unrelated buckets.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(uint value, int width, int bits) =>
        width <= bits ? (int)value : bits == 0 ? 0 : (int)((value * 0x9E3779B97F4A7C15UL) >> (64 - bits));
}

/// <summary>Per-thread lists a search reuses, so that a query allocates nothing once warm.</summary>
internal sealed class Scratch
{
    [ThreadStatic]
    private static Scratch? current;

    public List<(int Segment, int Bucket)> Buckets { get; } = new(4096);

    public List<int> Candidates { get; } = new(16384);

    public static Scratch ForThisThread() => current ??= new Scratch();
}
