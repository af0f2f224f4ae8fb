using System.Security.Cryptography;
using System.Text;

namespace Katalyst.Inference.Partners;

/// <summary>
/// A partner's API key: <c>ktl_</c>, a 16-hex-digit key id, <c>_</c>, then 256 random bits in base64url. The partners
/// file keeps the id and the SHA-256 of the whole key, never the key. Why SHA-256 and not a password KDF: the key is
/// 256 random bits, so there is nothing to guess and a slow hash would only cost every call; the id lets the service
/// find the one entry to compare in O(1) (a salted KDF would need a try per entry).
/// </summary>
/// <remarks>Compiled into the inference service and the <c>katalyst</c> CLI (linked source), so both read one format.</remarks>
internal static class PartnerKey
{
    private const string Prefix = "ktl_";
    private const int IdBytes = 8;
    private const int SecretBytes = 32;

    /// <summary>A new random key, its id and the SHA-256 (lower-case hex) to store.</summary>
    public static (string Key, string KeyId, string Sha256) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = $"{Prefix}{id}_{secret}";
        return (key, id, Sha256Of(key));
    }

    /// <summary>The key id inside <paramref name="key"/>, or null when it is not shaped like a Katalyst key.</summary>
    public static string? IdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var idLength = IdBytes * 2;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length <= Prefix.Length + idLength + 1 || key[Prefix.Length + idLength] != '_')
        {
            return null;
        }

        var id = key.Substring(Prefix.Length, idLength);
        return id.All(char.IsAsciiHexDigitLower) ? id : null;
    }

    /// <summary>The SHA-256 of the key's UTF-8 bytes, lower-case hex: what the partners file stores.</summary>
    public static string Sha256Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether <paramref name="key"/> hashes to <paramref name="storedSha256"/>, compared in fixed time.</summary>
    public static bool Matches(string key, string storedSha256)
    {
        Span<byte> stored = stackalloc byte[32];
        if (storedSha256.Length != 64 || !Convert.FromHexString(storedSha256, stored, out _, out _).Equals(System.Buffers.OperationStatus.Done))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), stored);
    }
}
