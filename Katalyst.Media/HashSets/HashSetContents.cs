namespace Katalyst.Media.HashSets;

/// <summary>What a list says about a hash: its category (e.g. A1) and where the list came from (e.g. NCMEC).</summary>
public sealed record HashLabel(string Category, string Source);

/// <summary>
/// The digests of one type in a set, packed: entry <c>i</c> is bytes <c>[i * size, (i + 1) * size)</c> of
/// <see cref="Digests"/> (big-endian, as its hex reads) and its label is <c>Labels[Label[i]]</c>.
/// </summary>
public sealed class DigestColumn
{
    /// <summary>A column of <paramref name="type"/> digests; the two arrays must agree in count.</summary>
    public DigestColumn(HashType type, byte[] digests, int[] labelIndexes)
    {
        ArgumentNullException.ThrowIfNull(digests);
        ArgumentNullException.ThrowIfNull(labelIndexes);
        if (digests.Length != labelIndexes.Length * type.ByteLength())
        {
            throw new ArgumentException($"{labelIndexes.Length} {type.Name()} entries need {labelIndexes.Length * type.ByteLength()} digest bytes, not {digests.Length}", nameof(digests));
        }

        Type = type;
        Digests = digests;
        LabelIndexes = labelIndexes;
    }

    /// <summary>The hash type.</summary>
    public HashType Type { get; }

    /// <summary>The digests, packed.</summary>
    public byte[] Digests { get; }

    /// <summary>Per entry, its index into <see cref="HashSetContents.Labels"/>.</summary>
    public int[] LabelIndexes { get; }

    /// <summary>How many entries.</summary>
    public int Count => LabelIndexes.Length;

    /// <summary>Entry <paramref name="index"/>'s digest bytes.</summary>
    public ReadOnlySpan<byte> Digest(int index) => Digests.AsSpan(index * Type.ByteLength(), Type.ByteLength());
}

/// <summary>Everything one named set holds: its labels and a column of digests per hash type.</summary>
public sealed class HashSetContents
{
    /// <summary>Contents from labels and one column per type, in <see cref="HashTypes.All"/> order.</summary>
    public HashSetContents(IReadOnlyList<HashLabel> labels, IReadOnlyList<DigestColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(columns);
        if (!columns.Select(c => c.Type).SequenceEqual(HashTypes.All))
        {
            throw new ArgumentException("a set has one column per hash type, in the order md5, sha1, sha256, pdq", nameof(columns));
        }

        foreach (var column in columns)
        {
            if (column.LabelIndexes.Any(i => (uint)i >= (uint)labels.Count))
            {
                throw new ArgumentException($"a {column.Type.Name()} entry names a label beyond the {labels.Count} the set has", nameof(columns));
            }
        }

        Labels = labels;
        Columns = columns;
    }

    /// <summary>The distinct (category, source) pairs of the set.</summary>
    public IReadOnlyList<HashLabel> Labels { get; }

    /// <summary>One column per hash type, in <see cref="HashTypes.All"/> order.</summary>
    public IReadOnlyList<DigestColumn> Columns { get; }

    /// <summary>The column of one type.</summary>
    public DigestColumn this[HashType type] => Columns[(int)type - 1];

    /// <summary>Entries per type.</summary>
    public HashCounts Counts => new(this[HashType.Md5].Count, this[HashType.Sha1].Count, this[HashType.Sha256].Count, this[HashType.Pdq].Count);
}

/// <summary>How many entries of each type a set holds.</summary>
public sealed record HashCounts(int Md5, int Sha1, int Sha256, int Pdq)
{
    /// <summary>All entries.</summary>
    public long Total => (long)Md5 + Sha1 + Sha256 + Pdq;

    /// <summary>The count of one type.</summary>
    public int Of(HashType type) => type switch
    {
        HashType.Md5 => Md5,
        HashType.Sha1 => Sha1,
        HashType.Sha256 => Sha256,
        HashType.Pdq => Pdq,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a hash type"),
    };
}
