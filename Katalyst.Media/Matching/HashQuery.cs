using Katalyst.Media.HashSets;
using Katalyst.Media.Pdq;

namespace Katalyst.Media.Matching;

/// <summary>A hash to look up: its type and digest bytes (big-endian, as its hex reads).</summary>
public sealed record HashQuery(HashType Type, byte[] Digest)
{
    /// <summary>Reads a hash from its type and hex digits; false, with the reason, when the digits do not fit the type.</summary>
    public static bool TryParse(HashType type, string hex, out HashQuery? query, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digest = new byte[type.ByteLength()];
        query = type.TryDecode(hex, digest, out problem) ? new HashQuery(type, digest) : null;
        return query is not null;
    }

    /// <summary>A PDQ query.</summary>
    public static HashQuery Of(PdqHash hash)
    {
        var digest = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(digest, hash.Bits255To192);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(digest.AsSpan(8), hash.Bits191To128);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(digest.AsSpan(16), hash.Bits127To64);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(digest.AsSpan(24), hash.Bits63To0);
        return new HashQuery(HashType.Pdq, digest);
    }

    /// <summary>The digest as a PDQ hash (for <see cref="HashType.Pdq"/> queries).</summary>
    public PdqHash AsPdq() => PdqHash.Parse(Convert.ToHexStringLower(Digest));

    /// <summary>The lowercase hex digits.</summary>
    public string Hex => Convert.ToHexStringLower(Digest);
}

/// <summary>A known hash that matched a query: the set, what the list says about it, and how far it is (0 for exact).</summary>
/// <param name="Set">The set's name.</param>
/// <param name="Category">The category the list gives the hash.</param>
/// <param name="Source">Where the list says the hash came from.</param>
/// <param name="Distance">Hamming distance for PDQ, 0 for an exact match.</param>
/// <param name="MatchedHash">The listed hash, lowercase hex.</param>
/// <param name="Transform">
/// Which rotation or flip of the queried picture matched (<see cref="KnownHashMatcher.MatchDihedral"/>); default
/// <see cref="PdqDihedral.Original"/>: the picture as it is, and always for cryptographic hashes.
/// </param>
public sealed record HashMatch(string Set, string Category, string Source, int Distance, string MatchedHash, PdqDihedral Transform = PdqDihedral.Original);
