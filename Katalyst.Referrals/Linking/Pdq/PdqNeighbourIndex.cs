using Katalyst.Media.Matching;
using Katalyst.Media.Pdq;

namespace Katalyst.Referrals.Linking.Pdq;

/// <summary>A stored file's PDQ within the radius of a query: its row in <c>file_pdq_hashes</c> and the distance.</summary>
/// <param name="Seq">The row's <c>seq</c>.</param>
/// <param name="Distance">Bits apart.</param>
internal readonly record struct PdqNeighbour(long Seq, int Distance);

/// <summary>
/// The stored files' usable PDQs in memory, for near-neighbour search: a multi-index <see cref="PdqIndex"/> over most of
/// them plus a short list of the rows added since it was built, scanned linearly. Rows arrive in <c>seq</c> order
/// (<see cref="Add"/>); once the list outgrows <see cref="RecentLimit"/> the whole index is built again, so an added row
/// costs O(1) and rebuilding is amortised (at 3 million rows a rebuild every 375,000 new ones). Per row it keeps the
/// hash's 32 bytes, its seq (8) and the index's ids; report and file ids stay in the store and are read only for hits.
/// Not thread-safe: its owner serialises use.
/// </summary>
internal sealed class PdqNeighbourIndex
{
    /// <summary>Fewest recent rows kept before a rebuild.</summary>
    public const int MinRecent = 4096;

    private PdqIndex main = PdqIndex.Build([]);
    private long[] mainSeqs = [];
    private readonly List<(long Seq, PdqHash Hash)> recent = [];

    /// <summary>The highest seq added; rows after it are what a refresh reads.</summary>
    public long LastSeq { get; private set; }

    /// <summary>How many rows it holds.</summary>
    public int Count => main.Count + recent.Count;

    /// <summary>Bytes held by the built index and the seqs (the recent list aside).</summary>
    public long MemoryBytes => main.MemoryBytes + (mainSeqs.LongLength * 8);

    /// <summary>How many recent rows are scanned linearly before the index is built again: an eighth of it, at least <see cref="MinRecent"/>.</summary>
    public int RecentLimit => Math.Max(MinRecent, main.Count / 8);

    /// <summary>Adds a row read from the store; seqs must grow.</summary>
    public void Add(long seq, PdqHash hash)
    {
        if (seq <= LastSeq)
        {
            throw new InvalidOperationException($"file_pdq_hashes row {seq} arrived after row {LastSeq}; rows are read in seq order.");
        }

        recent.Add((seq, hash));
        LastSeq = seq;
    }

    /// <summary>Builds the index again when the recent rows outgrew <see cref="RecentLimit"/> (after a batch of <see cref="Add"/>s).</summary>
    public void CompactIfLarge()
    {
        if (recent.Count <= RecentLimit)
        {
            return;
        }

        var hashes = new PdqHash[Count];
        var seqs = new long[Count];
        for (var i = 0; i < main.Count; i++)
        {
            hashes[i] = main[i];
        }

        mainSeqs.CopyTo(seqs, 0);
        for (var i = 0; i < recent.Count; i++)
        {
            (seqs[main.Count + i], hashes[main.Count + i]) = recent[i];
        }

        main = PdqIndex.Build(hashes);
        mainSeqs = seqs;
        recent.Clear();
    }

    /// <summary>Every row within <paramref name="radius"/> of <paramref name="query"/>, nearest first.</summary>
    public List<PdqNeighbour> Near(PdqHash query, int radius)
    {
        var hits = new List<PdqHit>();
        main.Search(query, radius, hits);
        var near = hits.Select(h => new PdqNeighbour(mainSeqs[h.Entry], h.Distance)).ToList();
        foreach (var (seq, hash) in recent)
        {
            var distance = hash.DistanceTo(query);
            if (distance <= radius)
            {
                near.Add(new PdqNeighbour(seq, distance));
            }
        }

        near.Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Seq.CompareTo(b.Seq));
        return near;
    }
}
