using System.Globalization;
using System.Numerics;

namespace Katalyst.Media.Pdq;

/// <summary>
/// A 256-bit PDQ hash. Its text form is the one upstream prints: 64 lowercase hex digits, the
/// 256-bit number written most significant digit first, so bit <c>k</c> of the hash is bit
/// <c>k</c> of that number (upstream's word <c>k / 16</c>, bit <c>k % 16</c>).
/// </summary>
public readonly record struct PdqHash(ulong Bits255To192, ulong Bits191To128, ulong Bits127To64, ulong Bits63To0)
{
    /// <summary>The number of bits in a PDQ hash.</summary>
    public const int BitCount = 256;

    /// <summary>The number of hex digits in the text form.</summary>
    public const int HexLength = 64;

    /// <summary>Bit <paramref name="index"/> (0 = least significant) of the hash.</summary>
    public bool this[int index] => index is < 0 or >= BitCount
        ? throw new ArgumentOutOfRangeException(nameof(index), index, "A PDQ bit index is 0 to 255.")
        : ((Word(index / 64) >> (index % 64)) & 1) == 1;

    /// <summary>The 64-bit word holding bits <c>64 * word</c> to <c>64 * word + 63</c> (word 0 = least significant).</summary>
    public ulong Word(int word) => word switch
    {
        0 => Bits63To0,
        1 => Bits127To64,
        2 => Bits191To128,
        3 => Bits255To192,
        _ => throw new ArgumentOutOfRangeException(nameof(word), word, "A PDQ hash has words 0 to 3."),
    };

    /// <summary>Builds a hash from its four 64-bit words, least significant first.</summary>
    public static PdqHash FromWords(ReadOnlySpan<ulong> leastSignificantFirst) => leastSignificantFirst.Length == 4
        ? new PdqHash(leastSignificantFirst[3], leastSignificantFirst[2], leastSignificantFirst[1], leastSignificantFirst[0])
        : throw new ArgumentException($"A PDQ hash has 4 words, not {leastSignificantFirst.Length}.", nameof(leastSignificantFirst));

    /// <summary>The number of bits in which two hashes differ (0 to 256).</summary>
    public int DistanceTo(PdqHash other) =>
        BitOperations.PopCount(Bits255To192 ^ other.Bits255To192) + BitOperations.PopCount(Bits191To128 ^ other.Bits191To128)
        + BitOperations.PopCount(Bits127To64 ^ other.Bits127To64) + BitOperations.PopCount(Bits63To0 ^ other.Bits63To0);

    /// <summary>Reads 64 hex digits (either case); false, with the reason, for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PdqHash hash, out string? problem)
    {
        hash = default;
        if (text.Length != HexLength)
        {
            problem = $"a PDQ hash is {HexLength} hex digits, not {text.Length} characters";
            return false;
        }
        Span<ulong> words = stackalloc ulong[4];
        for (var i = 0; i < 4; i++)
        {
            if (!ulong.TryParse(text.Slice(i * 16, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var word))
            {
                problem = $"a PDQ hash is hex digits only; '{text.Slice(i * 16, 16)}' is not";
                return false;
            }
            words[3 - i] = word;
        }
        hash = FromWords(words);
        problem = null;
        return true;
    }

    /// <summary>Reads 64 hex digits, or throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static PdqHash Parse(string text) =>
        TryParse(text, out var hash, out var problem) ? hash : throw new FormatException($"'{text}': {problem}.");

    /// <summary>The 64 lowercase hex digits upstream prints.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Bits255To192:x16}{Bits191To128:x16}{Bits127To64:x16}{Bits63To0:x16}");
}
