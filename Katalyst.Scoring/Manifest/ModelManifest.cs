using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Katalyst.Scoring.Manifest;

/// <summary>One trained model as <c>models/manifest.json</c> lists it.</summary>
public sealed record ModelEntry(
    string Name,
    string Version,
    string File,
    string Sha256,
    DateTimeOffset TrainedAt,
    string TrainingCommand,
    IReadOnlyDictionary<string, double> Evaluation);

/// <summary><c>models/manifest.json</c>: every model the service runs, with its SHA-256 and held-out figures.</summary>
public sealed record ModelManifest(IReadOnlyList<ModelEntry> Models)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads the manifest in <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">It is missing or malformed; the message names the file.</exception>
    public static ModelManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing: Scoring:ModelsPath must name a folder written by 'katalyst train'.");
        }

        try
        {
            return JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid model manifest: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the manifest into <paramref name="folder"/>.</summary>
    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The entry for a model, checked against its file's SHA-256; returns the file's full path.</summary>
    /// <exception cref="InvalidDataException">Not listed, missing, or its bytes differ from the manifest.</exception>
    public (ModelEntry Entry, string Path) Verified(string folder, string name)
    {
        var entry = Models.FirstOrDefault(m => m.Name == name)
            ?? throw new InvalidDataException($"{System.IO.Path.Combine(folder, FileName)} lists no model named '{name}'.");
        var path = System.IO.Path.Combine(folder, entry.File);
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidDataException($"Model '{name}' file {path} is missing.");
        }

        using var stream = System.IO.File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        return actual == entry.Sha256
            ? (entry, path)
            : throw new InvalidDataException($"Model '{name}' file {path} has SHA-256 {actual}, not the manifest's {entry.Sha256}: it was changed or corrupted.");
    }
}
