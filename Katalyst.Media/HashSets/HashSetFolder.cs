using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Katalyst.Media.HashSets;

/// <summary>
/// A hash-set folder (option <c>HashSets:Path</c>, default <c>data/hashsets</c>): one <c>.khs</c> file per set and
/// <c>manifest.json</c>. Changes (import, enable, disable) take a lock file so two writers never lose each other's
/// edit; readers need no lock because the manifest is replaced atomically and names only complete set files.
/// </summary>
public sealed partial class HashSetFolder(string path)
{
    private const string LockFileName = "manifest.lock";

    /// <summary>The folder's full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The manifest as it is now.</summary>
    public HashSetManifest Manifest() => HashSetManifest.Read(Path);

    /// <summary>
    /// Imports a hash list as set <paramref name="name"/>, replacing any set of that name: the list is read whole (any
    /// bad row refuses it and nothing changes), written to a new set file, then made current by the manifest.
    /// </summary>
    /// <exception cref="HashListException">The list has bad rows.</exception>
    /// <exception cref="ArgumentException">The name or radius is not allowed; the message says why.</exception>
    public HashSetImport Import(string csvPath, string name, int radius = HashSetManifest.DefaultRadius, bool enabled = true, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        CheckRadius(radius);
        var read = HashListCsv.Read(csvPath, cancellationToken);
        string sourceSha256;
        using (var source = File.OpenRead(csvPath))
        {
            sourceSha256 = Convert.ToHexStringLower(SHA256.HashData(source));
        }

        Directory.CreateDirectory(Path);
        var importedAt = (time ?? TimeProvider.System).GetUtcNow();
        var file = string.Create(CultureInfo.InvariantCulture, $"{name}.{importedAt:yyyyMMddTHHmmssfff}.{Guid.NewGuid().ToString("N")[..8]}{HashSetFile.Extension}");
        var temporary = System.IO.Path.Combine(Path, file + ".tmp");
        HashSetFile.Write(temporary, read.Contents);
        File.Move(temporary, System.IO.Path.Combine(Path, file));
        var info = new HashSetInfo(name, enabled, radius, read.Contents.Counts, importedAt, System.IO.Path.GetFileName(csvPath), sourceSha256, file);
        Change(manifest => manifest.With(info));
        return new HashSetImport(info, read.Rows, read.Duplicates);
    }

    /// <summary>Enables or disables a set.</summary>
    /// <exception cref="KeyNotFoundException">No set has that name; the message lists those there are.</exception>
    public HashSetInfo SetEnabled(string name, bool enabled)
    {
        HashSetInfo? changed = null;
        Change(manifest =>
        {
            var set = manifest.Find(name) ?? throw new KeyNotFoundException($"no hash set '{name}' in {Path}; sets: {(manifest.Sets.Count == 0 ? "none" : string.Join(", ", manifest.Sets.Select(s => s.Name)))}");
            changed = set with { Enabled = enabled };
            return manifest.With(changed);
        });
        return changed!;
    }

    /// <summary>Reads the contents of every enabled set in the manifest.</summary>
    /// <exception cref="InvalidDataException">A set file is missing or damaged, or disagrees with the manifest.</exception>
    public IReadOnlyList<(HashSetInfo Info, HashSetContents Contents)> LoadEnabled(HashSetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var loaded = new List<(HashSetInfo, HashSetContents)>();
        foreach (var set in manifest.Sets.Where(s => s.Enabled))
        {
            var file = System.IO.Path.Combine(Path, set.File);
            if (!File.Exists(file))
            {
                throw new InvalidDataException($"hash set '{set.Name}': its file {file} is missing");
            }

            var contents = HashSetFile.Read(file);
            if (contents.Counts != set.Counts)
            {
                throw new InvalidDataException($"hash set '{set.Name}': {file} holds {contents.Counts} but the manifest says {set.Counts}");
            }

            loaded.Add((set, contents));
        }

        return loaded;
    }

    /// <summary>Refuses a name that is not 1 to 64 letters, digits, '.', '_' or '-' (it becomes a file name).</summary>
    public static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || !SetName().IsMatch(name))
        {
            throw new ArgumentException($"set name '{name}' is not allowed: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit", nameof(name));
        }
    }

    /// <summary>Refuses a radius outside 0 to <see cref="HashSetManifest.MaxRadius"/>.</summary>
    public static void CheckRadius(int radius)
    {
        if (radius is < 0 or > HashSetManifest.MaxRadius)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"radius {radius} is not allowed: a PDQ radius is 0 to {HashSetManifest.MaxRadius} (upstream's threshold is 31)"), nameof(radius));
        }
    }

    // Read, change and write the manifest under the folder's lock, then delete set files it no longer names.
    private void Change(Func<HashSetManifest, HashSetManifest> change)
    {
        Directory.CreateDirectory(Path);
        using var held = TakeLock();
        var before = HashSetManifest.Read(Path);
        var after = change(before);
        after.Write(Path);
        foreach (var stale in before.Sets.Select(s => s.File).Except(after.Sets.Select(s => s.File), StringComparer.Ordinal))
        {
            try
            {
                File.Delete(System.IO.Path.Combine(Path, stale));
            }
            catch (IOException)
            {
                // A reader may still hold it open (Windows); it stays as litter, named by no manifest and never read.
            }
        }
    }

    private FileStream TakeLock()
    {
        var lockPath = System.IO.Path.Combine(Path, LockFileName);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 100)
            {
                Thread.Sleep(100);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex SetName();
}

/// <summary>An import's outcome: the set as the manifest now has it, the list's data rows and repeated digests skipped.</summary>
public sealed record HashSetImport(HashSetInfo Set, int Rows, int Duplicates);
