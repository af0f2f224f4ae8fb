using System.Text.Json;

namespace Katalyst.Scoring.Manifest;

/// <summary>What a person must know about one model: what it is for, where it came from, its licence and its caveats.</summary>
/// <param name="Name">The model's name, as its manifest lists it.</param>
/// <param name="Purpose">What the model is for; empty when <c>models/sources.json</c> does not describe it.</param>
/// <param name="Source">Where it came from: the npm package and version (<c>nsfwjs@4.4.0</c>), or how the project made it.</param>
/// <param name="Licence">Its licence, with the upstream weights' terms where they differ from the package's.</param>
/// <param name="Caveats">What must be known before relying on it (e.g. apparent age is weak for 10–17-year-olds).</param>
public sealed record ModelDescription(string Name, string Purpose, string Source, string Licence, IReadOnlyList<string> Caveats);

/// <summary>
/// The <c>models</c> section of <c>models/sources.json</c>: each model's purpose, source, licence and caveats, kept as data
/// in one file so that <c>katalyst models list</c> and the scoring service's <c>GetModels</c> say the same. A model it
/// does not describe is still listed, with a caveat saying so, never silently without its caveats.
/// </summary>
public sealed class ModelCatalogue
{
    /// <summary>The file's name, beside the scoring models' <c>manifest.json</c>.</summary>
    public const string FileName = "sources.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string path;
    private readonly string? problem;
    private readonly Dictionary<string, CatalogueModel> models;
    private readonly Dictionary<string, CataloguePackage> packages;

    private ModelCatalogue(string path, string? problem, Dictionary<string, CatalogueModel> models, Dictionary<string, CataloguePackage> packages) =>
        (this.path, this.problem, this.models, this.packages) = (path, problem, models, packages);

    /// <summary>
    /// Reads <paramref name="path"/>; a missing or malformed file gives a catalogue that describes no model and says why in
    /// every model's caveats (a listing must still list every model).
    /// </summary>
    public static ModelCatalogue ReadOrExplain(string path)
    {
        try
        {
            return Read(path);
        }
        catch (InvalidDataException ex)
        {
            return new ModelCatalogue(path, ex.Message, [], []);
        }
    }

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Missing, malformed, or an entry lacks a field; the message names the file and entry.</exception>
    public static ModelCatalogue Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing: it describes each model's purpose, source, licence and caveats.");
        }

        CatalogueFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON for a model catalogue: {ex.Message}", ex);
        }

        if (file?.Models is not { Count: > 0 })
        {
            throw new InvalidDataException($"{path}: 'models' is missing or empty.");
        }

        var packages = new Dictionary<string, CataloguePackage>(StringComparer.Ordinal);
        foreach (var package in file.Packages ?? [])
        {
            packages[package.Name ?? ""] = package;
        }

        var models = new Dictionary<string, CatalogueModel>(StringComparer.Ordinal);
        for (var i = 0; i < file.Models.Count; i++)
        {
            var model = file.Models[i];
            Check(path, i, model, packages);
            if (!models.TryAdd(model.Name!, model))
            {
                throw new InvalidDataException($"{path}: models[{i}].name '{model.Name}' is listed twice.");
            }
        }

        return new ModelCatalogue(path, null, models, packages);
    }

    /// <summary>Why the file could not be read (every model is then described as unknown); null when it was read.</summary>
    public string? Problem => problem;

    /// <summary>The models the file describes, in its order.</summary>
    public IEnumerable<string> Names => models.Keys;

    /// <summary>Whether model <paramref name="name"/> comes from an npm package (converted) rather than being made here (trained).</summary>
    public bool FromPackage(string name) => models.TryGetValue(name, out var model) && model.Package is not null;

    /// <summary>
    /// Describes model <paramref name="name"/>. A model the catalogue lacks gets the manifest's own
    /// <paramref name="sourcePackage"/> and <paramref name="licence"/> (or "unknown") and a caveat naming the file to add it to.
    /// </summary>
    public ModelDescription Describe(string name, string? sourcePackage = null, string? licence = null)
    {
        if (!models.TryGetValue(name, out var model))
        {
            var why = problem ?? $"{path} does not describe model '{name}'";
            return new ModelDescription(name, "", Known(sourcePackage), Known(licence), [$"Purpose and caveats unknown: {why}. Describe it there before relying on it."]);
        }

        if (model.Package is { } packageName)
        {
            var package = packages[packageName];
            return new ModelDescription(name, model.Purpose!, $"{package.Name}@{package.Version}", model.Licence ?? package.Licence ?? Known(licence), model.Caveats!);
        }

        return new ModelDescription(name, model.Purpose!, model.Source!, model.Licence!, model.Caveats!);
    }

    /// <summary>The npm package version of <paramref name="sourcePackage"/> (<c>NAME@VERSION</c>); empty when it has none.</summary>
    public static string VersionOf(string? sourcePackage) =>
        sourcePackage is { } spec && spec.LastIndexOf('@') is > 0 and var at ? spec[(at + 1)..] : "";

    private static string Known(string? value) => string.IsNullOrWhiteSpace(value) ? "unknown" : value;

    private static void Check(string path, int index, CatalogueModel model, Dictionary<string, CataloguePackage> packages)
    {
        void Require(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidDataException($"{path}: models[{index}].{field} is missing.");
            }
        }

        Require(model.Name, "name");
        Require(model.Purpose, "purpose");
        if (model.Caveats is null || model.Caveats.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException($"{path}: models[{index}].caveats is missing or holds an empty caveat (write [] when there are none).");
        }

        if (model.Package is not null)
        {
            if (!packages.ContainsKey(model.Package))
            {
                throw new InvalidDataException($"{path}: models[{index}].package '{model.Package}' is not one of 'packages'.");
            }

            return;
        }

        // Not from a package: made by the project, so it must say how and under which licence.
        Require(model.Source, "source (or package)");
        Require(model.Licence, "licence");
    }

    private sealed record CatalogueFile(IReadOnlyList<CataloguePackage>? Packages, IReadOnlyList<CatalogueModel>? Models);

    private sealed record CataloguePackage(string? Name, string? Version, string? Licence);

    private sealed record CatalogueModel(string? Name, string? Purpose, string? Package, string? Source, string? Licence, IReadOnlyList<string>? Caveats);
}
