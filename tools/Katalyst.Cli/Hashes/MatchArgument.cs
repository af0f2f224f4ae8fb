using System.Security.Cryptography;
using Katalyst.Media.HashSets;
using Katalyst.Media.Matching;

namespace Katalyst.Cli.Hashes;

/// <summary>
/// One argument of <c>katalyst hashes match</c>: a typed hash (<c>md5:</c>, <c>sha1:</c>, <c>sha256:</c>,
/// <c>pdq:</c> then hex), a bare hash recognised by its length (32 hex digits MD5, 40 SHA-1, 64 PDQ: a bare 64-digit
/// hash is PDQ because that is what image lists share; a SHA-256 must say <c>sha256:</c>), or a file (<c>file:PATH</c>,
/// or any other argument naming an existing file), whose MD5, SHA-1 and SHA-256 are computed.
/// </summary>
internal sealed record MatchArgument(string Text, IReadOnlyList<HashQuery> Queries, bool IsFile)
{
    public const string Syntax =
        "Each argument is a hash or a file. 'md5:HEX', 'sha1:HEX', 'sha256:HEX' and 'pdq:HEX' say the type; a bare hex hash is "
        + "typed by its length: 32 digits MD5, 40 SHA-1, 64 PDQ (write a SHA-256 as 'sha256:HEX'). Anything else, or 'file:PATH', "
        + "is a file: its MD5, SHA-1 and SHA-256 are matched (for its PDQ, run 'katalyst pdq FILE' and match 'pdq:HASH').";

    /// <summary>Reads an argument; the reason when it is neither a valid hash nor an existing file.</summary>
    public static MatchArgument? Parse(string text, out string? problem)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && text.AsSpan(0, colon).Equals("file", StringComparison.OrdinalIgnoreCase))
        {
            return File(text, text[(colon + 1)..], out problem);
        }

        if (colon > 0 && HashTypes.TryParse(text.AsSpan(0, colon), out var type))
        {
            return Hash(text, type, text[(colon + 1)..], out problem);
        }

        if (text.All(char.IsAsciiHexDigit) && !System.IO.File.Exists(text))
        {
            HashType? byLength = text.Length switch { 32 => HashType.Md5, 40 => HashType.Sha1, 64 => HashType.Pdq, _ => null };
            if (byLength is null)
            {
                problem = $"'{text}' is {text.Length} hex digits: a bare hash is 32 (MD5), 40 (SHA-1) or 64 (PDQ) digits; write 'sha256:HEX' for a SHA-256";
                return null;
            }

            return Hash(text, byLength.Value, text, out problem);
        }

        return File(text, text, out problem);
    }

    private static MatchArgument? Hash(string text, HashType type, string hex, out string? problem) =>
        HashQuery.TryParse(type, hex, out var query, out problem) ? new MatchArgument(text, [query!], IsFile: false) : Fail(text, problem!, out problem);

    private static MatchArgument? File(string text, string path, out string? problem)
    {
        if (!System.IO.File.Exists(path))
        {
            problem = $"'{text}' is neither a hash nor an existing file";
            return null;
        }

        using var stream = System.IO.File.OpenRead(path);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            sha1.AppendData(buffer, 0, read);
            sha256.AppendData(buffer, 0, read);
        }

        problem = null;
        return new MatchArgument(path, [new(HashType.Md5, md5.GetHashAndReset()), new(HashType.Sha1, sha1.GetHashAndReset()), new(HashType.Sha256, sha256.GetHashAndReset())], IsFile: true);
    }

    private static MatchArgument? Fail(string text, string reason, out string? problem)
    {
        problem = $"'{text}': {reason}";
        return null;
    }
}
