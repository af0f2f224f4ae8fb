using Katalyst.Media.Pdq;

namespace Katalyst.Media.Tests.Pdq;

/// <summary>One row of the reference outputs in shared/data/pdq/expected (core-vectors.csv, cpp-core-upstream-images.csv).</summary>
public sealed record PdqReferenceRow(
    string File, int Width, int Height, string DecodedAs, string Variant, int Quality, string Hash, string[] Dihedral, int DihedralQuality)
{
    /// <summary>The row's file and variant, which is what a failing theory case shows.</summary>
    public override string ToString() => $"{File} ({Variant})";
}

/// <summary>Reads the reference outputs beside the repository (never copied into it).</summary>
internal static class PdqReference
{
    public static string Data => Path.Combine(SharedFolder.Root, "data", "pdq");

    public static string Expected(string name) => Path.Combine(Data, "expected", name);

    /// <summary>Every data row of a reference CSV; a malformed row fails naming its line.</summary>
    public static IEnumerable<PdqReferenceRow> Rows(string csv)
    {
        var path = Expected(csv);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split(',');
            if (f.Length != 16)
            {
                throw new InvalidDataException($"{path} line {lineNumber}: 16 fields expected, found {f.Length}");
            }

            yield return new PdqReferenceRow(f[0], int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f[3], f[4],
                int.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture), f[6], f[7..15],
                int.Parse(f[15], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The eight dihedral hashes as text, in upstream's order.</summary>
    public static string[] Texts(PdqDihedralResult result) => [.. result.Hashes.Select(h => h.ToString())];
}
