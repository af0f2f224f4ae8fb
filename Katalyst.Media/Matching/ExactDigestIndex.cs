using System.Buffers.Binary;
using Katalyst.Media.HashSets;

namespace Katalyst.Media.Matching;

/// <summary>Exact look-up of MD5, SHA-1 or SHA-256 digests: a dictionary over the digest's bytes (as two 128-bit numbers), never strings.</summary>
public sealed class ExactDigestIndex
{
    private readonly Dictionary<(UInt128, UInt128), int> entries;

    /// <summary>Indexes a column: entry i of the column is found under its digest.</summary>
    public ExactDigestIndex(DigestColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        entries = new Dictionary<(UInt128, UInt128), int>(column.Count);
        for (var i = 0; i < column.Count; i++)
        {
            entries.TryAdd(Key(column.Digest(i)), i);
        }
    }

    /// <summary>How many digests.</summary>
    public int Count => entries.Count;

    /// <summary>The entry holding <paramref name="digest"/>, if any.</summary>
    public bool TryFind(ReadOnlySpan<byte> digest, out int entry) => entries.TryGetValue(Key(digest), out entry);

    // Digests are up to 32 bytes; shorter ones are padded with zeros (a column holds one length only).
    private static (UInt128, UInt128) Key(ReadOnlySpan<byte> digest)
    {
        Span<byte> padded = stackalloc byte[32];
        digest.CopyTo(padded);
        return (BinaryPrimitives.ReadUInt128LittleEndian(padded), BinaryPrimitives.ReadUInt128LittleEndian(padded[16..]));
    }
}
