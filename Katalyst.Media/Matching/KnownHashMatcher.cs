using Katalyst.Media.HashSets;
using Katalyst.Media.Pdq;

namespace Katalyst.Media.Matching;

/// <summary>One enabled set, indexed for matching.</summary>
public sealed class IndexedHashSet
{
    private readonly HashSetContents contents;
    private readonly ExactDigestIndex[] exact;

    /// <summary>Indexes <paramref name="contents"/>: a dictionary per cryptographic type and a <see cref="PdqIndex"/>.</summary>
    public IndexedHashSet(HashSetInfo info, HashSetContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        Info = info;
        this.contents = contents;
        exact = [new(contents[HashType.Md5]), new(contents[HashType.Sha1]), new(contents[HashType.Sha256])];
        Pdq = PdqIndex.BuildFromDigests(contents[HashType.Pdq].Digests);
    }

    /// <summary>The set as its manifest describes it.</summary>
    public HashSetInfo Info { get; }

    /// <summary>The set's PDQ index.</summary>
    public PdqIndex Pdq { get; }

    /// <summary>Adds this set's matches for <paramref name="query"/> to <paramref name="matches"/>.</summary>
    public void Match(HashQuery query, List<HashMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(matches);
        var column = contents[query.Type];
        if (query.Type != HashType.Pdq)
        {
            if (exact[(int)query.Type - 1].TryFind(query.Digest, out var entry))
            {
                matches.Add(Found(column, entry, 0));
            }

            return;
        }

        var hits = new List<PdqHit>();
        Pdq.Search(query.AsPdq(), Info.Radius, hits);
        matches.AddRange(hits.Select(h => Found(column, h.Entry, h.Distance)));
    }

    private HashMatch Found(DigestColumn column, int entry, int distance)
    {
        var label = contents.Labels[column.LabelIndexes[entry]];
        return new HashMatch(Info.Name, label.Category, label.Source, distance, Convert.ToHexStringLower(column.Digest(entry)));
    }
}

/// <summary>Every enabled set of a folder, indexed; immutable, so a reload builds a new one and swaps it in whole.</summary>
public sealed class KnownHashMatcher(HashSetManifest manifest, IReadOnlyList<IndexedHashSet> sets)
{
    /// <summary>A matcher with no sets.</summary>
    public static KnownHashMatcher Empty { get; } = new(HashSetManifest.Empty, []);

    /// <summary>The manifest the sets were loaded from (disabled sets included).</summary>
    public HashSetManifest Manifest { get; } = manifest;

    /// <summary>The enabled sets.</summary>
    public IReadOnlyList<IndexedHashSet> Sets { get; } = sets;

    /// <summary>Loads and indexes every enabled set of <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">The manifest or a set file is bad; the message names it.</exception>
    public static KnownHashMatcher Load(HashSetFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var manifest = folder.Manifest();
        var loaded = folder.LoadEnabled(manifest);
        var indexed = new IndexedHashSet[loaded.Count];
        Parallel.For(0, loaded.Count, i => indexed[i] = new IndexedHashSet(loaded[i].Info, loaded[i].Contents));
        return new KnownHashMatcher(manifest, indexed);
    }

    /// <summary>Every match for <paramref name="query"/> in every enabled set: nearest first, then by set name.</summary>
    public IReadOnlyList<HashMatch> Match(HashQuery query)
    {
        var matches = new List<HashMatch>();
        foreach (var set in Sets)
        {
            set.Match(query, matches);
        }

        return [.. matches.OrderBy(m => m.Distance).ThenBy(m => m.Set, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every match for any of a picture's eight dihedral PDQ hashes (<see cref="PdqHasher.HashDihedral"/>, in
    /// <see cref="PdqDihedral"/> order): a rotated or mirrored copy of listed material is found, with
    /// <see cref="HashMatch.Transform"/> saying which variant matched. A listed hash several variants reach is reported
    /// once, at its nearest (the picture as it is first at equal distance). Nearest first, then by set name.
    /// </summary>
    /// <remarks>
    /// Probing the query's variants, not listing eight variants of every known hash, keeps the index at one entry per
    /// listed hash (10 million hashes stay 10 million entries) and costs eight searches only for pictures analysed here;
    /// a hash alone cannot be turned (its variants need the picture's DCT), so lists need nothing new.
    /// </remarks>
    /// <exception cref="ArgumentException">Not eight hashes.</exception>
    public IReadOnlyList<HashMatch> MatchDihedral(IReadOnlyList<PdqHash> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count != 8)
        {
            throw new ArgumentException($"A picture has 8 dihedral PDQ hashes, not {variants.Count}.", nameof(variants));
        }

        var nearest = new Dictionary<(string, string, string, string), HashMatch>();
        for (var v = 0; v < variants.Count; v++)
        {
            foreach (var match in Match(HashQuery.Of(variants[v])))
            {
                var key = (match.Set, match.MatchedHash, match.Category, match.Source);
                if (!nearest.TryGetValue(key, out var seen) || match.Distance < seen.Distance)
                {
                    nearest[key] = match with { Transform = (PdqDihedral)v };
                }
            }
        }

        return [.. nearest.Values.OrderBy(m => m.Distance).ThenBy(m => m.Set, StringComparer.Ordinal).ThenBy(m => m.Transform)];
    }
}
