namespace Katalyst.Media.HashSets;

/// <summary>The kinds of hash a known-hash set holds.</summary>
public enum HashType
{
    /// <summary>MD5 of the file's bytes (16 bytes, 32 hex digits).</summary>
    Md5 = 1,

    /// <summary>SHA-1 of the file's bytes (20 bytes, 40 hex digits).</summary>
    Sha1 = 2,

    /// <summary>SHA-256 of the file's bytes (32 bytes, 64 hex digits).</summary>
    Sha256 = 3,

    /// <summary>The 256-bit PDQ perceptual hash of an image (32 bytes, 64 hex digits), matched by Hamming distance.</summary>
    Pdq = 4,
}

/// <summary>Names and sizes of the <see cref="HashType"/>s.</summary>
public static class HashTypes
{
    /// <summary>Every type, in the order set files store them.</summary>
    public static IReadOnlyList<HashType> All { get; } = [HashType.Md5, HashType.Sha1, HashType.Sha256, HashType.Pdq];

    /// <summary>The digest's size in bytes.</summary>
    public static int ByteLength(this HashType type) => type switch
    {
        HashType.Md5 => 16,
        HashType.Sha1 => 20,
        HashType.Sha256 => 32,
        HashType.Pdq => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a hash type"),
    };

    /// <summary>The name lists and the CLI use: md5, sha1, sha256, pdq.</summary>
    public static string Name(this HashType type) => type switch
    {
        HashType.Md5 => "md5",
        HashType.Sha1 => "sha1",
        HashType.Sha256 => "sha256",
        HashType.Pdq => "pdq",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a hash type"),
    };

    /// <summary>Reads a type name in either case, with or without a hyphen (md5, SHA1, sha-256, PDQ).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out HashType type)
    {
        Span<char> lower = stackalloc char[Math.Min(text.Length, 16)];
        var n = 0;
        foreach (var c in text.Trim())
        {
            if (c == '-')
            {
                continue;
            }

            if (n == lower.Length)
            {
                type = default;
                return false;
            }

            lower[n++] = char.ToLowerInvariant(c);
        }

        type = lower[..n] switch
        {
            "md5" => HashType.Md5,
            "sha1" => HashType.Sha1,
            "sha256" => HashType.Sha256,
            "pdq" => HashType.Pdq,
            _ => default,
        };
        return type != default;
    }

    /// <summary>Decodes a digest's hex digits (either case); the reason when they are not exactly the type's length.</summary>
    public static bool TryDecode(this HashType type, ReadOnlySpan<char> hex, Span<byte> digest, out string? problem)
    {
        var expected = type.ByteLength() * 2;
        if (hex.Length != expected)
        {
            problem = $"a {type.Name()} hash is {expected} hex digits, not {hex.Length} characters";
            return false;
        }

        if (Convert.FromHexString(hex, digest, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            problem = $"a {type.Name()} hash is hex digits only; '{hex}' is not";
            return false;
        }

        problem = null;
        return true;
    }
}
