using System.Text.Json;
using System.Text.Json.Nodes;
using Katalyst.Models.Sources;

namespace Katalyst.Models.TfJs;

/// <summary>A TF.js model read from an npm tarball: its model.json and every weight decoded.</summary>
/// <param name="Json">The model.json.</param>
/// <param name="Weights">The weights by name.</param>
public sealed record TfJsModel(TfJsModelJson Json, IReadOnlyDictionary<string, TfJsTensor> Weights)
{
    /// <summary>The weight of this name; fails naming the model and weight when it is absent.</summary>
    public TfJsTensor Weight(string name) =>
        Weights.TryGetValue(name, out var tensor) ? tensor : throw new InvalidDataException($"{Json.Source}: weightsManifest has no weight '{name}'.");
}

/// <summary>
/// Reads a TF.js model out of a package tarball. Plain models are a <c>model.json</c> with binary shards beside it;
/// bundled ones (nsfwjs) are UMD JavaScript files, <c>model.min.js</c> and one <c>SHARD.min.js</c> per shard path.
/// </summary>
public static class TfJsModelLoader
{
    /// <summary>Loads the model at package-relative <paramref name="modelPath"/> from <paramref name="tarballPath"/>.</summary>
    /// <exception cref="InvalidDataException">A file is missing or malformed; the message names the tarball and file.</exception>
    public static TfJsModel Load(string tarballPath, string modelPath)
    {
        var bundled = modelPath.EndsWith(".js", StringComparison.Ordinal);
        var source = $"{Path.GetFileName(tarballPath)}:{modelPath}";
        var folder = modelPath.Contains('/', StringComparison.Ordinal) ? modelPath[..(modelPath.LastIndexOf('/') + 1)] : "";
        var modelBytes = NpmTarball.ReadExactly(tarballPath, [modelPath])[modelPath];
        var json = TfJsModelJson.Parse(bundled ? UmdBundle.ExportedValue(UmdBundle.Text(modelBytes), source) : ParseJson(modelBytes, source), source);

        var shardPaths = json.WeightGroups.SelectMany(g => g.Paths).Select(p => folder + p + (bundled ? ".min.js" : "")).Distinct().ToList();
        var shards = NpmTarball.ReadExactly(tarballPath, shardPaths);
        var weights = WeightDecoder.Decode(json, path =>
        {
            var file = folder + path + (bundled ? ".min.js" : "");
            return bundled ? UmdBundle.ExportedBase64(UmdBundle.Text(shards[file]), $"{Path.GetFileName(tarballPath)}:{file}") : shards[file];
        });
        return new TfJsModel(json, weights);
    }

    private static JsonNode? ParseJson(byte[] bytes, string source)
    {
        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }
}
