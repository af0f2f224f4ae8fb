using System.Security.Cryptography;
using System.Text.Json;

namespace Katalyst.Inference.Media.Models;

/// <summary>One model as <c>models/media/manifest.json</c> lists it (the fields the service needs).</summary>
/// <param name="Name">The model's name, e.g. <c>blazeface-back</c>.</param>
/// <param name="File">The ONNX file, relative to the manifest.</param>
/// <param name="Sha256">The ONNX file's SHA-256, lowercase hex.</param>
/// <param name="SourcePackage">The npm package and version it was converted from.</param>
/// <param name="Input">The ONNX input's name.</param>
/// <param name="Outputs">The ONNX outputs' names.</param>
/// <param name="Labels">The classes of the first output, if any.</param>
/// <param name="Licence">The source package's licence, for listing the model; null when the manifest does not say.</param>
public sealed record MediaModelEntry(string Name, string File, string Sha256, string SourcePackage, string Input, IReadOnlyList<string> Outputs, IReadOnlyList<string> Labels, string? Licence = null);

/// <summary>
/// Reads the manifest <c>katalyst models convert</c> writes. The service reads it here rather than through
/// Katalyst.Models, which is the set-up converter (its JavaScript parser and ONNX writer) and is never loaded at run time.
/// </summary>
public sealed record MediaModelManifest(IReadOnlyList<MediaModelEntry> Models)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads <c>manifest.json</c> in <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">Missing or malformed; the message names the file.</exception>
    public static MediaModelManifest Read(string folder)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing: run 'katalyst models convert' and point Media:Models:Path at its folder.");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<MediaModelManifest>(System.IO.File.ReadAllText(path), Json);
            return manifest?.Models is null ? throw new InvalidDataException($"{path}: 'models' is missing.") : manifest;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid converted-model manifest: {ex.Message}", ex);
        }
    }

    /// <summary>Model <paramref name="name"/>'s entry and full path, its file checked against the manifest's SHA-256.</summary>
    /// <exception cref="InvalidDataException">Not listed, missing, or changed since conversion; the message names the file.</exception>
    public (MediaModelEntry Entry, string Path) Verified(string folder, string name)
    {
        var entry = Models.FirstOrDefault(m => m.Name == name)
            ?? throw new InvalidDataException($"{System.IO.Path.Combine(folder, FileName)} lists no model '{name}': run 'katalyst models convert'.");
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, entry.File));
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidDataException($"Media model '{name}': {path} is missing: run 'katalyst models convert'.");
        }

        using var stream = System.IO.File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        return string.Equals(actual, entry.Sha256, StringComparison.OrdinalIgnoreCase)
            ? (entry, path)
            : throw new InvalidDataException($"Media model '{name}': {path} has SHA-256 {actual}, not the manifest's {entry.Sha256}.");
    }
}
