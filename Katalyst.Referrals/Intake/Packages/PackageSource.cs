using System.IO.Compression;
using System.IO.Enumeration;

namespace Katalyst.Referrals.Intake.Packages;

/// <summary>
/// Finds referral packages under a path: one package folder, a batch folder of package folders and zips, or a zip
/// of either. Lazy: a batch is listed one package at a time, never loaded whole.
/// </summary>
public static class PackageSource
{
    /// <summary>The manifest file that marks a package folder.</summary>
    public const string ManifestName = "manifest.json";

    /// <summary>
    /// Lists the packages under <paramref name="path"/>. Files beside the packages of a batch folder that are
    /// neither folders nor zips (e.g. <c>labels.csv</c>) are reported through <paramref name="skipped"/>.
    /// </summary>
    public static IEnumerable<ReferralPackage> Enumerate(string path, Action<string>? skipped = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return IsZip(full)
                ? FromZip(full)
                : throw new ArgumentException($"{path} is a file but not a .zip: give a package folder, a batch folder or a zip.", nameof(path));
        }

        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{path} does not exist.");
        }

        return File.Exists(Path.Combine(full, ManifestName))
            ? [FromFolder(full)]
            : FromBatchFolder(full, skipped);
    }

    /// <summary>
    /// How many packages <paramref name="path"/> probably holds, cheaply (for a progress bar): exact for a
    /// package or a batch folder of package folders; null when a zip would have to be listed.
    /// </summary>
    public static int? Estimate(string path)
    {
        if (!Directory.Exists(path))
        {
            return null;
        }

        if (File.Exists(Path.Combine(path, ManifestName)))
        {
            return 1;
        }

        var count = 0;
        foreach (var child in Directory.EnumerateFileSystemEntries(path))
        {
            if (Directory.Exists(child))
            {
                count++;
            }
            else if (IsZip(child))
            {
                return null;
            }
        }

        return count;
    }

    private static IEnumerable<ReferralPackage> FromBatchFolder(string folder, Action<string>? skipped)
    {
        foreach (var child in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            if (Directory.Exists(child))
            {
                yield return FromFolder(child);
            }
            else if (IsZip(child))
            {
                foreach (var package in FromZip(child))
                {
                    yield return package;
                }
            }
            else
            {
                skipped?.Invoke(child);
            }
        }
    }

    private static ReferralPackage FromFolder(string folder) => new(folder, () => ListFolder(folder), lease: null);

    private static IReadOnlyList<PackageEntry> ListFolder(string folder)
    {
        if (new DirectoryInfo(folder).LinkTarget is not null)
        {
            throw new ReferralFormatException(folder, null, "the package folder is a symbolic link; refused");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var listing = new FileSystemEnumerable<(string Path, long Length, bool IsLink, bool IsDirectory)>(
            folder,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory ? 0 : entry.Length,
                (entry.Attributes & FileAttributes.ReparsePoint) != 0, entry.IsDirectory),
            options);

        var entries = new List<PackageEntry>();
        foreach (var (path, length, isLink, isDirectory) in listing)
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (isLink)
            {
                throw new ReferralFormatException(relative, null, "a symbolic link can point outside the package; refused");
            }

            if (!isDirectory)
            {
                entries.Add(new PackageEntry(relative, length, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0)));
            }
        }

        return RequireManifest(entries);
    }

    private static IEnumerable<ReferralPackage> FromZip(string zipPath)
    {
        SharedZip zip;
        try
        {
            zip = new SharedZip(zipPath);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return [ReferralPackage.Broken(zipPath, new ReferralFormatException(zipPath, null, $"not a readable zip: {ex.Message}"))];
        }

        return ListZip(zipPath, zip);
    }

    private static IEnumerable<ReferralPackage> ListZip(string zipPath, SharedZip zip)
    {
        // A damaged central directory shows only when the entries are read: the zip is refused, the batch goes on.
        List<ZipArchiveEntry> files;
        try
        {
            files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            zip.Dispose();
            return [ReferralPackage.Broken(zipPath, new ReferralFormatException(zipPath, null, $"not a readable zip: {ex.Message}"))];
        }

        return ListPackages(zipPath, zip, files);
    }

    private static IEnumerable<ReferralPackage> ListPackages(string zipPath, SharedZip zip, List<ZipArchiveEntry> files)
    {
        try
        {
            var unsafeEntry = files.Select(e => EntryPath.Unsafe(e.FullName)).FirstOrDefault(reason => reason is not null);
            if (unsafeEntry is not null)
            {
                yield return ReferralPackage.Broken(zipPath, new ReferralFormatException(zipPath, null, unsafeEntry));
                yield break;
            }

            if (files.Any(e => e.FullName == ManifestName))
            {
                yield return FromZipFolder(zipPath, zip, prefix: "", files);
                yield break;
            }

            foreach (var group in files.GroupBy(e => e.FullName.Split('/')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (group.Count() == 1 && group.First().FullName == group.Key)
                {
                    continue; // A loose file at the top of a batch zip (e.g. labels.csv): not a package.
                }

                yield return FromZipFolder(zipPath, zip, group.Key + "/", group);
            }
        }
        finally
        {
            zip.Dispose();
        }
    }

    private static ReferralPackage FromZipFolder(string zipPath, SharedZip zip, string prefix, IEnumerable<ZipArchiveEntry> files)
    {
        var entries = files
            .Select(e => new PackageEntry(e.FullName[prefix.Length..], e.Length, () => zip.Open(e)))
            .ToList();
        var name = prefix.Length == 0 ? zipPath : $"{zipPath}!/{prefix.TrimEnd('/')}";
        return new ReferralPackage(name, () => RequireManifest(entries), zip.Lease());
    }

    private static List<PackageEntry> RequireManifest(List<PackageEntry> entries) =>
        entries.Exists(e => e.Path == ManifestName)
            ? entries
            : throw new ReferralFormatException(ManifestName, null, "the package has no manifest.json");

    private static bool IsZip(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}
