using System.Globalization;

namespace Katalyst.Referrals.Scoring;

/// <summary>
/// Hashes of known material (exact MD5 and SHA-1 for now; perceptual hashes come with the media work), loaded from
/// a <c>hashType,value,category</c> CSV such as the generator's <c>known-hashes.csv</c>.
/// </summary>
public sealed class KnownHashList
{
    private readonly HashSet<string> hashes;

    private KnownHashList(HashSet<string> hashes) => this.hashes = hashes;

    /// <summary>A list that knows nothing.</summary>
    public static KnownHashList Empty { get; } = new([]);

    /// <summary>How many hashes the list holds.</summary>
    public int Count => hashes.Count;

    /// <summary>Reads a CSV with a header and rows <c>hashType,value,category</c>; rows of other hash types are kept for later kinds.</summary>
    /// <exception cref="FormatException">A row is malformed; the message names the file and line.</exception>
    public static KnownHashList Load(string csvPath)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var line = 0;
        foreach (var row in File.ReadLines(csvPath))
        {
            line++;
            if (line == 1 || row.Length == 0)
            {
                continue;
            }

            var parts = row.Split(',');
            if (parts.Length < 2 || parts[1].Length == 0 || !parts[1].All(char.IsAsciiHexDigit))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{csvPath} line {line}: expected hashType,value,category with a hex value"));
            }

            set.Add(parts[1].ToLowerInvariant());
        }

        return new KnownHashList(set);
    }

    /// <summary>Builds a list from hex values.</summary>
    public static KnownHashList Of(IEnumerable<string> values) => new(values.Select(v => v.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal));

    /// <summary>True when the hex value is known.</summary>
    public bool Contains(string? value) => value is not null && hashes.Contains(value.Trim().ToLowerInvariant());
}
