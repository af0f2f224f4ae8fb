using System.Text.Json;
using System.Text.Json.Serialization;

namespace Katalyst.Media.HashSets;

/// <summary>One set as the manifest describes it.</summary>
/// <param name="Name">The set's name (letters, digits, '.', '_' and '-').</param>
/// <param name="Enabled">Whether matching uses it.</param>
/// <param name="Radius">Largest PDQ distance that counts as a match for this set (0 to 64).</param>
/// <param name="Counts">Entries per hash type.</param>
/// <param name="ImportedAt">When the list was imported (UTC).</param>
/// <param name="SourceFile">The imported file's name (not its path).</param>
/// <param name="SourceSha256">SHA-256 of the imported file's bytes (hex).</param>
/// <param name="File">The set file in the folder that holds the entries.</param>
public sealed record HashSetInfo(string Name, bool Enabled, int Radius, HashCounts Counts, DateTimeOffset ImportedAt, string SourceFile, string SourceSha256, string File);

/// <summary>
/// <c>manifest.json</c> in a hash-set folder: every set, whether it is enabled, its radius and counts. It is the
/// folder's single point of change: a set file is written under a new name first and the manifest, replaced
/// atomically (temporary file, then rename), is what makes it current; readers watch the manifest alone.
/// </summary>
public sealed record HashSetManifest(IReadOnlyList<HashSetInfo> Sets)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The PDQ radius a set gets unless told otherwise (upstream's matching threshold).</summary>
    public const int DefaultRadius = 31;

    /// <summary>The largest radius a set may have.</summary>
    public const int MaxRadius = 64;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>A folder with no sets.</summary>
    public static HashSetManifest Empty { get; } = new([]);

    /// <summary>The set called <paramref name="name"/> (names compare ignoring case), or null.</summary>
    public HashSetInfo? Find(string name) => Sets.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the manifest in <paramref name="folder"/>; an absent one is <see cref="Empty"/>.</summary>
    /// <exception cref="InvalidDataException">The manifest is not valid; the message names the file.</exception>
    public static HashSetManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!System.IO.File.Exists(path))
        {
            return Empty;
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<HashSetManifest>(System.IO.File.ReadAllBytes(path), Json);
            if (manifest?.Sets is null)
            {
                throw new InvalidDataException($"{path} has no 'sets' list");
            }

            for (var i = 0; i < manifest.Sets.Count; i++)
            {
                if (Problem(manifest.Sets[i]) is { } problem)
                {
                    throw new InvalidDataException($"{path}: sets[{i}] {problem}");
                }
            }

            return manifest;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid manifest: {ex.Message}", ex);
        }
    }

    // A manifest is written by HashSetFolder, but it is a file an operator can edit: check what the loader relies on.
    private static string? Problem(HashSetInfo? set)
    {
        if (set is null || set.Name is null || set.File is null || set.Counts is null || set.SourceFile is null || set.SourceSha256 is null)
        {
            return "lacks a name, file, counts, sourceFile or sourceSha256";
        }

        if (set.Radius is < 0 or > MaxRadius)
        {
            return $"('{set.Name}') has radius {set.Radius}; a radius is 0 to {MaxRadius}";
        }

        return set.File != System.IO.Path.GetFileName(set.File) || !set.File.EndsWith(HashSetFile.Extension, StringComparison.Ordinal)
            ? $"('{set.Name}') names file '{set.File}'; a set file is a {HashSetFile.Extension} file inside the folder"
            : null;
    }

    /// <summary>Writes the manifest into <paramref name="folder"/> atomically (temporary file, then rename).</summary>
    public void Write(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        System.IO.File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        System.IO.File.Move(temporary, path, overwrite: true);
    }

    /// <summary>This manifest with <paramref name="set"/> added, or replacing the set of the same name.</summary>
    public HashSetManifest With(HashSetInfo set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new([.. Sets.Where(s => !s.Name.Equals(set.Name, StringComparison.OrdinalIgnoreCase)), set]);
    }
}
