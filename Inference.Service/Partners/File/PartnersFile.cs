using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Katalyst.Inference.Partners;

/// <summary>
/// The partners file (<c>Partners:Path</c>, e.g. <c>data/partners.json</c>): <c>{"partners": [...]}</c>. Read whole and
/// checked (a bad entry is named as <c>partners[2].methods[0]</c>); written whole to a temporary file that is then renamed
/// over it, so a reader never sees half a file.
/// </summary>
/// <remarks>Compiled into the inference service and the <c>katalyst</c> CLI (linked source), so both read one format.</remarks>
internal static partial class PartnersFile
{
    /// <summary>Calls a second when <c>--rate</c> is not given.</summary>
    public const int DefaultRatePerSecond = 200;

    /// <summary>Request size limit when <c>--max-request-bytes</c> is not given: 1 MiB (a score request is a few KB).</summary>
    public const int DefaultMaxRequestBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The entries in <paramref name="path"/>; none when the file does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not valid; the message names the file and the entry.</exception>
    public static IReadOnlyList<PartnerEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        Contents? contents;
        try
        {
            contents = JsonSerializer.Deserialize<Contents>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: line {(ex.LineNumber ?? 0) + 1}: {ex.Path}: not a valid partners file ({ex.Message})", ex);
        }

        var partners = contents?.Partners ?? throw new InvalidDataException($"{path}: no \"partners\" array");
        if (Problem(partners) is { } problem)
        {
            throw new InvalidDataException($"{path}: {problem}");
        }

        return partners;
    }

    /// <summary>Checks and writes <paramref name="partners"/> atomically (temporary file, then rename).</summary>
    /// <exception cref="InvalidDataException">An entry is not valid; the message names it.</exception>
    public static void Write(string path, IReadOnlyList<PartnerEntry> partners)
    {
        if (Problem(partners) is { } problem)
        {
            throw new InvalidDataException(problem);
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new Contents { Partners = [.. partners] }, Json));
        if (!OperatingSystem.IsWindows())
        {
            // The file holds only hashes, but who may call what is still nobody else's business.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The first thing wrong with <paramref name="partners"/>, named as <c>partners[i].field</c>; null when none.</summary>
    public static string? Problem(IReadOnlyList<PartnerEntry> partners)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keyIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < partners.Count; i++)
        {
            var p = partners[i];
            var at = $"partners[{i}]";
            if (p.Name is null || !NamePattern().IsMatch(p.Name))
            {
                return $"{at}.name: '{p.Name}' is not a name (letters, digits, '.', '_', '-'; 1 to 64)";
            }

            if (!names.Add(p.Name))
            {
                return $"{at}.name: '{p.Name}' is named twice";
            }

            var hasKey = p.KeyId is not null || p.KeySha256 is not null;
            if (hasKey == (p.CertificateThumbprint is not null))
            {
                return $"{at}: give either keyId and keySha256 or certificateThumbprint, not {(hasKey ? "both" : "neither")}";
            }

            if (hasKey && (p.KeyId is null || !HexPattern().IsMatch(p.KeyId) || p.KeyId.Length != 16 || !keyIds.Add(p.KeyId)))
            {
                return $"{at}.keyId: '{p.KeyId}' is not 16 lower-case hex digits or is used twice";
            }

            if (hasKey && (p.KeySha256 is null || p.KeySha256.Length != 64 || !HexPattern().IsMatch(p.KeySha256)))
            {
                return $"{at}.keySha256: not 64 lower-case hex digits";
            }

            if (p.CertificateThumbprint is { } thumb && (thumb.Length is not (40 or 64) || !thumb.All(char.IsAsciiHexDigit)))
            {
                return $"{at}.certificateThumbprint: '{thumb}' is not a SHA-1 (40 hex) or SHA-256 (64 hex) thumbprint";
            }

            if (p.Methods is null || p.Methods.Count == 0)
            {
                return $"{at}.methods: empty; name at least one method (katalyst.v1.Scoring/Score), service (katalyst.v1.Scoring/*) or *";
            }

            for (var m = 0; m < p.Methods.Count; m++)
            {
                if (p.Methods[m] is not { } method || (method != "*" && !MethodPattern().IsMatch(method)))
                {
                    return $"{at}.methods[{m}]: '{p.Methods[m]}' is not package.Service/Method, package.Service/* or *";
                }
            }

            if (p.RatePerSecond is < 1 or > 1_000_000)
            {
                return $"{at}.ratePerSecond: {p.RatePerSecond} is not between 1 and 1,000,000";
            }

            if (p.MaxRequestBytes < 1)
            {
                return $"{at}.maxRequestBytes: {p.MaxRequestBytes} is not at least 1";
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-f]+$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.]*\.[A-Za-z_][A-Za-z0-9_]*/(\*|[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex MethodPattern();

    private sealed class Contents
    {
        public List<PartnerEntry>? Partners { get; set; }
    }
}
