using System.Security.Cryptography;
using System.Text.Json;

namespace Katalyst.Models.Manifest;

/// <summary>One converted media model as <c>models/media/manifest.json</c> lists it.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="File">The ONNX file, relative to the manifest.</param>
/// <param name="Sha256">The ONNX file's SHA-256.</param>
/// <param name="SourcePackage">The npm package and version it came from.</param>
/// <param name="SourceSha256">That package tarball's pinned SHA-256.</param>
/// <param name="SourcePath">The model's path inside the package.</param>
/// <param name="Licence">The package's licence.</param>
/// <param name="Notes">Provenance and caveats, from <c>models/sources.json</c>.</param>
/// <param name="Input">The ONNX input's name.</param>
/// <param name="Outputs">The ONNX outputs' names.</param>
/// <param name="Preprocessing">What the input must hold.</param>
/// <param name="Labels">The classes of the first output, if any.</param>
/// <param name="ConvertedAt">When it was converted.</param>
/// <param name="ConversionSeconds">How long conversion took.</param>
public sealed record ConvertedModelEntry(
    string Name,
    string File,
    string Sha256,
    string SourcePackage,
    string SourceSha256,
    string SourcePath,
    string Licence,
    string Notes,
    string Input,
    IReadOnlyList<string> Outputs,
    string Preprocessing,
    IReadOnlyList<string> Labels,
    DateTimeOffset ConvertedAt,
    double ConversionSeconds);

/// <summary><c>models/media/manifest.json</c>: the converted media models, each with the SHA-256 of its ONNX file.</summary>
public sealed record ConvertedModelManifest(IReadOnlyList<ConvertedModelEntry> Models)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Notes hold '+' and quotes; the file is read by people, not embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The manifest in <paramref name="folder"/>, or an empty one when there is none yet.</summary>
    /// <exception cref="InvalidDataException">It exists but is malformed; the message names the file.</exception>
    public static ConvertedModelManifest ReadOrEmpty(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!System.IO.File.Exists(path))
        {
            return new ConvertedModelManifest([]);
        }

        try
        {
            return JsonSerializer.Deserialize<ConvertedModelManifest>(System.IO.File.ReadAllText(path), Json) ?? new ConvertedModelManifest([]);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid converted-model manifest: {ex.Message}", ex);
        }
    }

    /// <summary>This manifest with <paramref name="entry"/> added or replacing the entry of the same name, ordered by name.</summary>
    public ConvertedModelManifest With(ConvertedModelEntry entry) =>
        new([.. Models.Where(m => m.Name != entry.Name).Append(entry).OrderBy(m => m.Name, StringComparer.Ordinal)]);

    /// <summary>Writes the manifest into <paramref name="folder"/> (a temporary file renamed over the old one).</summary>
    public void Write(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var temporary = path + ".tmp";
        System.IO.File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json) + "\n");
        System.IO.File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The full path of model <paramref name="name"/>'s ONNX file, checked against its SHA-256.</summary>
    /// <exception cref="InvalidDataException">Not listed, missing, or changed since conversion.</exception>
    public string Verified(string folder, string name)
    {
        var entry = Models.FirstOrDefault(m => m.Name == name) ?? throw new InvalidDataException($"{Path.Combine(folder, FileName)} lists no model '{name}': run 'katalyst models convert'.");
        var path = Path.Combine(folder, entry.File);
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidDataException($"Model '{name}': {path} is missing: run 'katalyst models convert'.");
        }

        using var stream = System.IO.File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        return actual == entry.Sha256 ? path : throw new InvalidDataException($"Model '{name}': {path} has SHA-256 {actual}, not the manifest's {entry.Sha256}.");
    }
}
